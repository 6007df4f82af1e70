package vn.parindex.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import vn.parindex.ParIndexApplication;

/** The zero-setup database keeps its data across restarts; deleting its folder starts afresh. */
class EmbeddedDatabaseRestartIT {

    @TempDir
    Path folder;

    private ConfigurableApplicationContext start(Path dataDirectory) {
        // command-line arguments outrank the test suite's throw-away database setting
        return new SpringApplicationBuilder(ParIndexApplication.class)
                .run("--parindex.database.data-directory=" + dataDirectory, "--server.port=0",
                        "--spring.main.banner-mode=off");
    }

    @Test
    void dataSurvivesARestartAndDeletingTheFolderStartsFresh() throws Exception {
        // the test's own reads work on Tân Yên's data, as a request of its people would (V17)
        try (vn.parindex.system.BodyScope.Entered tanYen = vn.parindex.system.BodyScope.enter(
                vn.parindex.system.BodyScope.Scope.of(vn.parindex.security.CurrentUser.FIRST_BODY))) {
            Path data = folder.resolve("data/postgres");
            try (ConfigurableApplicationContext app = start(data)) {
                assertThat(app.getBean(DatabaseMode.class)).isEqualTo(DatabaseMode.EMBEDDED);
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("select count(*) from criterion", Long.class)).isEqualTo(48);
                jdbc.update("update criterion set current_score = 2.5 where code = '1.3'");
            }
            assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
            try (ConfigurableApplicationContext app = start(data)) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("select current_score from criterion where code = '1.3'", String.class))
                        .isEqualTo("2.5000");
                assertThat(jdbc.queryForObject("select count(*) from cycle", Long.class)).isEqualTo(1);
                // the demo accounts: Tân Yên's seven, and the province's (which every body reads)
                assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(8);
                assertThat(jdbc.queryForObject("select count(*) from app_user where body_id = 1", Long.class))
                        .isEqualTo(7);
            }
            FileSystemUtils.deleteRecursively(folder.resolve("data"));
            try (ConfigurableApplicationContext app = start(data)) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("select current_score from criterion where code = '1.3'", String.class))
                        .isNull();
            }
        }
    }
}
