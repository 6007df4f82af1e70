package vn.parindex.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * {@code java -jar par-index-tracker.jar restore FILE}: starts the application without its web server, restores
 * FILE into the configured database ({@link RestoreRunner}) and exits: 0 with a one-line summary, 1 with the
 * reason when the backup is refused or fails, 2 on a wrong command line.
 */
public final class RestoreCommand {

    static final String FILE_PROPERTY = "parindex.restore.file";

    private RestoreCommand() {
    }

    public static boolean isRestore(String[] args) {
        return args.length > 0 && "restore".equals(args[0]);
    }

    public static void run(Class<?> application, String[] args) {
        if (args.length < 2 || args[1].startsWith("--")) {
            System.err.println("Usage: java -jar par-index-tracker.jar restore FILE [--spring.datasource.url=...]");
            System.exit(2);
        }
        Path file = Path.of(args[1]).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            System.err.println("Restore refused: no readable file " + file);
            System.exit(2);
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("logging.level.root", "WARN");
        defaults.put(FILE_PROPERTY, file.toString());
        // no web server, and only the beans the runners need: the pages' beans need a web application
        defaults.put("spring.main.lazy-initialization", "true");
        app.setDefaultProperties(defaults);
        String[] rest = Stream.concat(Stream.of("--" + FILE_PROPERTY + "=" + file),
                Arrays.stream(args, 2, args.length)).toArray(String[]::new);
        try {
            app.run(rest);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("Restore failed: the application could not start (" + cause.getMessage() + ")");
            System.exit(1);
        }
        // the runner exits; reaching here means it did not run
        System.err.println("Restore failed: the restore did not run");
        System.exit(1);
    }
}
