package vn.parindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.support.SystemEnvironmentPropertySourceEnvironmentPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;
import vn.parindex.accounts.AdminProperties;
import vn.parindex.backup.BackupProperties;
import vn.parindex.database.EmbeddedDatabaseProperties;
import vn.parindex.reminders.MailProperties;
import vn.parindex.security.DemoProperties;
import vn.parindex.security.LoginProperties;
import vn.parindex.security.PasswordMemoryProperties;
import vn.parindex.system.EvidenceProperties;
import vn.parindex.web.CacheProperties;
import vn.parindex.web.PagesProperties;
import vn.parindex.web.WebLimitsProperties;

/**
 * The application's settings (the README's table): each bound from its property and its environment variable, with
 * the defaults the README gives, and a bad value stopping the start with a message naming the variable. Only the
 * settings records are bound (no database, no web server).
 */
class SettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ MailProperties.class, LoginProperties.class, PasswordMemoryProperties.class,
            DemoProperties.class, AdminProperties.class, EvidenceProperties.class, WebLimitsProperties.class,
            PagesProperties.class, CacheProperties.class, EmbeddedDatabaseProperties.class, BackupProperties.class })
    static class AllSettings {
    }

    /** A context of the settings alone, its environment variables being {@code variables} (nothing else). */
    static ApplicationContextRunner withVariables(Map<String, Object> variables) {
        return new ApplicationContextRunner().withUserConfiguration(AllSettings.class).withInitializer(context -> {
            var sources = context.getEnvironment().getPropertySources();
            sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            variables));
            // as SpringApplication does: values of environment variables know the variable they came from
            new SystemEnvironmentPropertySourceEnvironmentPostProcessor()
                    .postProcessEnvironment(context.getEnvironment(), new SpringApplication());
        });
    }

    static void run(Map<String, Object> variables, Consumer<AssertableApplicationContext> check) {
        withVariables(variables).run(check::accept);
    }

    @Test
    void withNothingSetEverySettingHasTheDefaultOfTheReadme() {
        run(Map.of(), context -> {
            assertThat(context).hasNotFailed();
            LoginProperties login = context.getBean(LoginProperties.class);
            assertThat(login).isEqualTo(new LoginProperties(5, 20, 30, Duration.ofSeconds(1), Duration.ofMinutes(15),
                    Duration.ofHours(1), 4, Duration.ofSeconds(3)));
            assertThat(context.getBean(PasswordMemoryProperties.class).verifiedPasswordMemory())
                    .isEqualTo(Duration.ofMinutes(5));
            assertThat(context.getBean(MailProperties.class))
                    .isEqualTo(new MailProperties("parindex@localhost", "", "0 0 7-17 * * *"));
            assertThat(context.getBean(DemoProperties.class)).isEqualTo(new DemoProperties("", "", false, ""));
            assertThat(context.getBean(AdminProperties.class)).isEqualTo(new AdminProperties("", ""));
            assertThat(context.getBean(EvidenceProperties.class).maxFileSize()).isEqualTo(DataSize.ofMegabytes(20));
            assertThat(context.getBean(WebLimitsProperties.class))
                    .isEqualTo(new WebLimitsProperties(DataSize.ofMegabytes(1), DataSize.ofKilobytes(64)));
            assertThat(context.getBean(PagesProperties.class))
                    .isEqualTo(new PagesProperties(Duration.ofSeconds(1), true, true));
            CacheProperties caches = context.getBean(CacheProperties.class);
            assertThat(caches.cycles().maximumSize()).isEqualTo(64);
            assertThat(caches.pages().maximumBytes()).isEqualTo(32L * 1024 * 1024);
            assertThat(caches.scoreboards().maximumSize()).isEqualTo(16);
            assertThat(caches.dashboards().maximumSize()).isEqualTo(16);
            assertThat(caches.criterionPages().maximumSize()).isEqualTo(2000);
            assertThat(caches.accounts().maximumSize()).isEqualTo(1000);
            assertThat(caches.todos().maximumSize()).isEqualTo(1000);
            assertThat(caches.fragments().maximumCharacters()).isEqualTo(16_000_000);
            assertThat(caches.expireAfterAccess()).isEqualTo(Duration.ofMinutes(30));
            EmbeddedDatabaseProperties database = context.getBean(EmbeddedDatabaseProperties.class);
            assertThat(database.port()).isZero();
            assertThat(database.durable()).isTrue();
            assertThat(database.watchdogInterval()).isEqualTo(Duration.ofSeconds(1));
            BackupProperties backup = context.getBean(BackupProperties.class);
            assertThat(backup.keep()).isEqualTo(14);
            assertThat(backup.cron()).isEqualTo("0 30 1 * * *");
        });
    }

    @Test
    void everySettingIsReadFromItsEnvironmentVariable() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("PARINDEX_LOGIN_FREE_FAILURES", "7");
        variables.put("PARINDEX_LOGIN_FREE_FAILURES_PER_ADDRESS", "70");
        variables.put("PARINDEX_LOGIN_FREE_FAILURES_PER_ACCOUNT", "0");
        variables.put("PARINDEX_LOGIN_FIRST_DELAY", "2s");
        variables.put("PARINDEX_LOGIN_MAX_DELAY", "1h");
        variables.put("PARINDEX_LOGIN_FORGET_AFTER", "1d");
        variables.put("PARINDEX_LOGIN_CONCURRENT_CHECKS", "2");
        variables.put("PARINDEX_LOGIN_CHECK_WAIT", "500ms");
        variables.put("PARINDEX_SECURITY_VERIFIED_PASSWORD_MEMORY", "0s");
        variables.put("PARINDEX_MAIL_FROM", "cchc@tanyen.gov.vn");
        variables.put("PARINDEX_MAIL_BASE_URL", "https://cchc.tanyen.gov.vn/");
        variables.put("PARINDEX_MAIL_DIGEST_CRON", "0 0 8 * * MON-FRI");
        variables.put("PARINDEX_DEMO_ENABLED", "false");
        variables.put("PARINDEX_DEMO_PASSWORD", "a demo password");
        variables.put("PARINDEX_DEMO_TODAY", "2023-09-15");
        variables.put("PARINDEX_ADMIN_USERNAME", "admin");
        variables.put("PARINDEX_ADMIN_PASSWORD", "a long password");
        variables.put("PARINDEX_EVIDENCE_MAX_FILE_SIZE", "50MB");
        variables.put("PARINDEX_WEB_MAX_BODY_SIZE", "2MB");
        variables.put("PARINDEX_WEB_SOCKET_WRITE_BUFFER", "32KB");
        variables.put("PARINDEX_PAGES_REVISION_CHECK_INTERVAL", "250ms");
        variables.put("PARINDEX_PAGES_KEEP_PAGES", "false");
        variables.put("PARINDEX_CACHE_CRITERION_PAGES_MAXIMUM_SIZE", "5000");
        variables.put("PARINDEX_CACHE_FRAGMENTS_MAXIMUMCHARACTERS", "1000");
        variables.put("PARINDEX_CACHE_EXPIRE_AFTER_ACCESS", "5m");
        variables.put("PARINDEX_DATABASE_PORT", "5433");
        variables.put("PARINDEX_DATABASE_DURABLE", "false");
        variables.put("PARINDEX_BACKUP_KEEP", "30");
        variables.put("PARINDEX_BACKUP_CRON", "0 0 23 * * *");
        run(variables, context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(LoginProperties.class)).isEqualTo(new LoginProperties(7, 70, 0,
                    Duration.ofSeconds(2), Duration.ofHours(1), Duration.ofDays(1), 2, Duration.ofMillis(500)));
            assertThat(context.getBean(PasswordMemoryProperties.class).verifiedPasswordMemory()).isZero();
            assertThat(context.getBean(MailProperties.class)).isEqualTo(new MailProperties("cchc@tanyen.gov.vn",
                    "https://cchc.tanyen.gov.vn/", "0 0 8 * * MON-FRI"));
            assertThat(context.getBean(DemoProperties.class))
                    .isEqualTo(new DemoProperties("false", "a demo password", false, "2023-09-15"));
            assertThat(context.getBean(AdminProperties.class))
                    .isEqualTo(new AdminProperties("admin", "a long password"));
            assertThat(context.getBean(AdminProperties.class).toString()).doesNotContain("a long password");
            assertThat(context.getBean(EvidenceProperties.class).maxFileSize()).isEqualTo(DataSize.ofMegabytes(50));
            assertThat(context.getBean(WebLimitsProperties.class))
                    .isEqualTo(new WebLimitsProperties(DataSize.ofMegabytes(2), DataSize.ofKilobytes(32)));
            assertThat(context.getBean(PagesProperties.class))
                    .isEqualTo(new PagesProperties(Duration.ofMillis(250), false, true));
            CacheProperties caches = context.getBean(CacheProperties.class);
            assertThat(caches.criterionPages().maximumSize()).isEqualTo(5000);
            assertThat(caches.pages().maximumBytes()).isEqualTo(32L * 1024 * 1024);
            assertThat(caches.fragments().maximumCharacters()).isEqualTo(1000);
            assertThat(caches.expireAfterAccess()).isEqualTo(Duration.ofMinutes(5));
            EmbeddedDatabaseProperties database = context.getBean(EmbeddedDatabaseProperties.class);
            assertThat(database.port()).isEqualTo(5433);
            assertThat(database.durable()).isFalse();
            assertThat(context.getBean(BackupProperties.class).keep()).isEqualTo(30);
            assertThat(context.getBean(BackupProperties.class).cron()).isEqualTo("0 0 23 * * *");
        });
    }

    @Test
    void propertiesInTheirDashedFormBindToo() {
        new ApplicationContextRunner().withUserConfiguration(AllSettings.class)
                .withPropertyValues("parindex.cache.criterion-pages.maximum-size=12", "parindex.login.check-wait=1m")
                .run(context -> {
                    assertThat(context.getBean(CacheProperties.class).criterionPages().maximumSize()).isEqualTo(12);
                    assertThat(context.getBean(LoginProperties.class).checkWait()).isEqualTo(Duration.ofMinutes(1));
                });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "PARINDEX_LOGIN_FREE_FAILURES|-1",
            "PARINDEX_LOGIN_CONCURRENT_CHECKS|0",
            "PARINDEX_LOGIN_MAX_DELAY|-5s",
            "PARINDEX_LOGIN_FORGET_AFTER|an hour",
            "PARINDEX_SECURITY_VERIFIED_PASSWORD_MEMORY|-1m",
            "PARINDEX_MAIL_DIGEST_CRON|0 7 * * *",
            "PARINDEX_MAIL_BASE_URL|cchc.tanyen.gov.vn",
            "PARINDEX_MAIL_FROM|' '",
            "PARINDEX_DEMO_ENABLED|yes",
            "PARINDEX_EVIDENCE_MAX_FILE_SIZE|0MB",
            "PARINDEX_EVIDENCE_MAX_FILE_SIZE|lots",
            "PARINDEX_WEB_MAX_BODY_SIZE|-1KB",
            "PARINDEX_WEB_SOCKET_WRITE_BUFFER|1GB",
            "PARINDEX_PAGES_REVISION_CHECK_INTERVAL|-1s",
            "PARINDEX_PAGES_KEEP_PAGES|perhaps",
            "PARINDEX_CACHE_PAGES_MAXIMUM_BYTES|-1",
            "PARINDEX_CACHE_TREES_MAXIMUM_SIZE|0",
            "PARINDEX_CACHE_FRAGMENTS_MAXIMUM_CHARACTERS|0",
            "PARINDEX_CACHE_EXPIRE_AFTER_ACCESS|0s",
            "PARINDEX_DATABASE_PORT|70000",
            "PARINDEX_DATABASE_WATCHDOG_INTERVAL|0s",
            "PARINDEX_BACKUP_KEEP|0",
            "PARINDEX_BACKUP_CRON|nightly",
            "PARINDEX_BACKUP_CRON|0 30 1 * *"})
    void aBadValueStopsTheStartWithAMessageNamingTheVariable(String variable, String value) {
        run(Map.of(variable, value), context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            // Boot's own analysis of a failed binding: what it prints when the start stops
            assertThat(analysis).as("a failure analysis").isNotNull();
            assertThat(analysis.getDescription()).contains(variable);
        });
    }

    @Test
    void aScheduleOfADashIsNever() {
        run(Map.of("PARINDEX_BACKUP_CRON", "-", "PARINDEX_MAIL_DIGEST_CRON", "-"), context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(BackupProperties.class).cron()).isEqualTo("-");
        });
    }

    @Test
    void aGoodValueNextToTheBadOneIsNotBlamed() {
        run(Map.of("PARINDEX_LOGIN_FREE_FAILURES", "-1", "PARINDEX_LOGIN_CONCURRENT_CHECKS", "8"), context -> {
            String description = analysis(context.getStartupFailure()).getDescription();
            assertThat(description).contains("PARINDEX_LOGIN_FREE_FAILURES")
                    .doesNotContain("PARINDEX_LOGIN_CONCURRENT_CHECKS");
        });
    }

    /** What Boot's binding failure analyzers say of {@code failure} (null when neither recognises it). */
    static FailureAnalysis analysis(Throwable failure) {
        for (String name : new String[] { "org.springframework.boot.diagnostics.analyzer.BindValidationFailureAnalyzer",
                "org.springframework.boot.diagnostics.analyzer.BindFailureAnalyzer" }) {
            try {
                var constructor = Class.forName(name).getDeclaredConstructor();
                constructor.setAccessible(true);
                FailureAnalysis analysis = ((FailureAnalyzer) constructor.newInstance()).analyze(failure);
                if (analysis != null) {
                    return analysis;
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("Spring Boot's analyzer " + name + " is gone", e);
            }
        }
        return null;
    }
}
