package vn.parindex.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import vn.parindex.support.WorkflowTest;

/** Without an SMTP server configured (the default), no digest is sent and nothing is written. */
@WorkflowTest
class NoMailWithoutServerTest {

    @Autowired
    DigestMailer mailer;

    @Autowired
    ObjectProvider<JavaMailSender> mail;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noServerNoMail() {
        jdbc.update("update app_user set email = 'tuphap@tanyen.example' where username = 'tuphap'");
        try {
            assertThat(mail.getIfAvailable()).isNull();
            long before = jdbc.queryForObject("select count(*) from digest_sent", Long.class);
            assertThat(mailer.sendToday()).isZero();
            assertThat(jdbc.queryForObject("select count(*) from digest_sent", Long.class)).isEqualTo(before);
        } finally {
            jdbc.update("update app_user set email = null where username = 'tuphap'");
        }
    }
}
