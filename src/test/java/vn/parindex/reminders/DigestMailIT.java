package vn.parindex.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import vn.parindex.criteria.KeptCycles;
import vn.parindex.support.RealServerTest;

/**
 * The daily digest against an in-process SMTP server (GreenMail): each unit head with an address gets one, once a
 * day, even when two instances send at the same moment. Its own database: the digest lists what is overdue, which
 * the other real-server classes change (the browser journey sends Tư pháp's first-quarter report), and failsafe runs
 * the classes in two JVMs, in no fixed order relative to one another.
 */
@RealServerTest
@org.springframework.test.context.TestPropertySource(properties = "parindex.test.database=digest")
class DigestMailIT {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared context's mail sender's port before this test pointed it at {@link #SMTP}. */
    int portBefore;

    /** The shared context's mail sender, pointed at this test's server for the test only (not a context of its own). */
    @BeforeEach
    void toThisServer() {
        JavaMailSenderImpl sender = (JavaMailSenderImpl) mail.getObject();
        portBefore = sender.getPort();
        sender.setPort(SMTP.getSmtp().getPort());
    }

    @AfterEach
    void back() {
        ((JavaMailSenderImpl) mail.getObject()).setPort(portBefore);
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired
    DigestMailer mailer;

    @Autowired
    ObjectProvider<JavaMailSender> mail;

    @Autowired
    TodoService todo;

    @Autowired
    KeptCycles cycles;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    vn.parindex.organisation.Bodies bodies;

    /** A second instance of the application: the same database, its own mailer. */
    DigestMailer anotherInstance() {
        return new DigestMailer(mail, todo, cycles, jdbcClient, transactions, messages,
                new MailProperties("cchc@tanyen.example", "http://cchc.tanyen.local", MailProperties.DIGEST_CRON), java.time.Clock.system(java.time.ZoneId.of("Asia/Ho_Chi_Minh")), bodies);
    }

    @Test
    void eachUnitHeadWithAnAddressGetsOneDigestADayWithTwoInstancesRunning() throws Exception {
        jdbc.update("update app_user set email = username || '@tanyen.example' where username in ('tuphap', 'vhtt')");
        jdbc.update("update app_user set email = 'noivu@tanyen.example' where username = 'noivu'");
        DigestMailer other = anotherInstance();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (DigestMailer instance : List.of(mailer, other)) {
                Callable<Integer> run = () -> {
                    together.await();
                    return instance.sendToday();
                };
                runs.add(pool.submit(run));
            }
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
            // two unit heads with an address; Home Affairs' account is no unit head's
            assertThat(sent).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        List<String> to = new ArrayList<>();
        for (MimeMessage message : received) {
            to.add(message.getAllRecipients()[0].toString());
            assertThat(message.getSubject()).startsWith("[Chỉ số CCHC]").contains("quá hạn");
            assertThat(message.getFrom()[0].toString()).isEqualTo("cchc@tanyen.example");
            assertThat(message.getContent().toString()).contains("Gửi báo cáo quý I năm 2023",
                    "http://cchc.tanyen.local/cycles/2023/reports/2023-Q1/units/");
        }
        assertThat(to).containsExactlyInAnyOrder("tuphap@tanyen.example", "vhtt@tanyen.example");
        assertThat(jdbc.queryForObject("select count(*) from digest_sent", Long.class)).isEqualTo(2);
        // later the same day, from either instance: nothing more
        assertThat(mailer.sendToday()).isZero();
        assertThat(other.sendToday()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }
}
