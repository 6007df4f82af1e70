package vn.parindex.reminders;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.KeptCycles;

/**
 * The daily e-mail digest ("Việc cần làm") for every enabled unit head with an address, when an SMTP server is
 * configured ({@code spring.mail.host}); without one, nothing is sent and nothing is written.
 *
 * <p>Every hour of the working day ({@code parindex.mail.digest-cron}, 07:00 to 17:00 in Vietnam by default: a
 * digest not sent at 07:00 because the mail server was down goes at the next hour), for each person not yet sent
 * one today: in one
 * transaction, insert the row (person, day) of {@code digest_sent}, then send. The row's primary key makes a second
 * instance's insert wait for the first one's transaction and then do nothing, so a digest goes out once however
 * many instances run; a failed send rolls the row back, so the next run tries again. A person with nothing due or
 * late gets no mail (the row is kept: looked at today).
 */
@Component
public class DigestMailer implements vn.parindex.system.ClusterJob {

    private static final Logger log = LoggerFactory.getLogger(DigestMailer.class);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A person who gets the digest. */
    record Recipient(long userId, String email, String name, long unitId, String unitCode) {
    }

    private final ObjectProvider<JavaMailSender> mail;
    private final TodoService todo;
    private final KeptCycles cycles;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final String from;
    private final String baseUrl;
    private final Clock clock;
    private final String cron;
    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    private final vn.parindex.organisation.Bodies bodies;

    @Autowired
    DigestMailer(ObjectProvider<JavaMailSender> mail, TodoService todo, KeptCycles cycles, JdbcClient jdbc,
            TransactionTemplate transactions, MessageSource messages,
            MailProperties settings, Clock clock, vn.parindex.organisation.Bodies bodies) {
        this.bodies = bodies;
        this.mail = mail;
        this.todo = todo;
        this.cycles = cycles;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.messages = messages;
        this.from = settings.from();
        this.baseUrl = settings.baseUrl().replaceAll("/+$", "");
        this.clock = clock;
        this.cron = settings.digestCron();
    }

    @Override
    public String jobName() {
        return "todo-digest";
    }

    /** {@code parindex.mail.digest-cron}, Vietnam's time; run by one instance only (system.ClusterJobs). */
    @Override
    public String cron() {
        return cron;
    }

    @Override
    public java.time.ZoneId zone() {
        return ZONE;
    }

    @Override
    public void runJob() {
        daily();
    }

    /** The scheduled run. */
    void daily() {
        int sent = sendToday();
        if (sent > 0) {
            log.info("Sent {} to-do digests", sent);
        }
    }

    /**
     * Sends today's digests not sent yet, body by body; returns how many this call sent (0 without an SMTP server).
     */
    public int sendToday() {
        int sent = 0;
        for (vn.parindex.organisation.BodyRef body : bodies.all()) {
            try {
                sent += vn.parindex.system.BodyScope.call(body.id(), this::sendTodayInBody);
            } catch (RuntimeException e) {
                // this body's digests only: the other bodies' are still sent; tried again at the next run
                log.warn("The to-do digests of body {} were not sent (tried again at the next run): {}", body.code(),
                        e.getMessage());
            }
        }
        return sent;
    }

    private int sendTodayInBody() {
        JavaMailSender sender = mail.getIfAvailable();
        Cycle cycle = cycles.current().orElse(null);
        if (sender == null || cycle == null) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        List<Recipient> recipients = jdbc.sql("""
                select u.id, u.email, u.display_name, n.id, n.code from app_user u join unit n on n.id = u.unit_id
                where u.enabled and u.role = 'UNIT_HEAD' and u.email is not null and n.active
                  and not exists (select 1 from digest_sent d where d.user_id = u.id and d.day = ?)
                order by u.id""").param(today)
                .query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5)))
                .list();
        int sent = 0;
        for (Recipient r : recipients) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> send(sender, cycle, r, today)))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // this person's digest only: the others are still sent; tried again at the next run
                log.warn("The to-do digest for {} was not sent (tried again at the next run): {}", r.email(),
                        e.getMessage());
            }
        }
        return sent;
    }

    /** Inside the transaction: claim (person, day), then send; false when claimed already or nothing is due. */
    private boolean send(JavaMailSender sender, Cycle cycle, Recipient r, LocalDate today) {
        int claimed = jdbc.sql("""
                insert into digest_sent (user_id, day, sent_at, items) values (?, ?, ?, 0)
                on conflict (user_id, day) do nothing""")
                .params(r.userId(), today, OffsetDateTime.now(clock)).update();
        if (claimed == 0) {
            return false;
        }
        TodoList list = todo.list(cycle, r.unitId(), r.unitCode());
        if (list.items().isEmpty()) {
            return false;
        }
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(r.email());
            helper.setSubject(text("digest.subject", list.items().size(), list.lateCount(), DAY.format(today)));
            helper.setText(body(r, list, today), false);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot write the digest", e);
        }
        sender.send(message);
        jdbc.sql("update digest_sent set items = ? where user_id = ? and day = ?")
                .params(list.items().size(), r.userId(), today).update();
        return true;
    }

    private String body(Recipient r, TodoList list, LocalDate today) {
        StringBuilder text = new StringBuilder();
        text.append(text("digest.greeting", r.name())).append("\n\n");
        text.append(text("digest.intro", DAY.format(today))).append("\n\n");
        for (TodoItem item : list.items()) {
            text.append("- ").append(text("todo.kind." + item.kind() + ".unit", item.subject(), item.count()));
            if (item.due() != null) {
                text.append(" (").append(text(item.late() ? "digest.late" : "digest.due", DAY.format(item.due())))
                        .append(")");
            }
            if (!baseUrl.isEmpty()) {
                text.append("\n  ").append(baseUrl).append(item.link());
            }
            text.append("\n");
        }
        text.append("\n").append(text("digest.footer"));
        return text.toString();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, new java.util.Locale("vi"));
    }
}
