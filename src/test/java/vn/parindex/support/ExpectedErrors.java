package vn.parindex.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * A test that provokes a failure on purpose (the database gone, a backup directory that cannot be made) expects
 * the ERROR the application logs for it in production. Such a line in the test run's log would hide a real one, so
 * the loggers named are silenced while the failure is provoked, and restored after: a clean test run logs no ERROR.
 */
public final class ExpectedErrors {

    /** What a test does while the named loggers are silent. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private ExpectedErrors() {
    }

    public static void whileSilencing(Action action, String... loggers) throws Exception {
        LoggingSystem logging = LoggingSystem.get(ExpectedErrors.class.getClassLoader());
        Map<String, LogLevel> before = new LinkedHashMap<>();
        for (String logger : loggers) {
            LoggerConfiguration configuration = logging.getLoggerConfiguration(logger);
            before.put(logger, configuration == null ? null : configuration.getConfiguredLevel());
            logging.setLogLevel(logger, LogLevel.OFF);
        }
        try {
            action.run();
        } finally {
            before.forEach(logging::setLogLevel);
        }
    }
}
