package vn.parindex.database;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.parindex.ParIndexApplication;

/**
 * Run in a child JVM by {@link OrphanPostmasterIT}: starts the application on the data directory given
 * as the first argument, then writes history rows for ever, printing {@code ACK n} once row n is committed. The test
 * kills this process with SIGKILL, as an operator's {@code kill -9} would.
 */
public final class WritingApp {

    private WritingApp() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ParIndexApplication.class)
                .run("--parindex.database.data-directory=" + args[0], "--parindex.database.durable=true",
                        "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        for (int n = 1; ; n++) {
            jdbc.update("insert into change_history (at, username, entity_type, entity_id, field, new_value) "
                    + "values (now(), 'orphan-test', 'TEST', ?, 'n', ?)", n, Integer.toString(n));
            System.out.println("ACK " + n);
            System.out.flush();
        }
    }
}
