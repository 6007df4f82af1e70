package vn.parindex.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL's binaries of every office's platform resolve, under the name zonky's resolver looks for
 * ({@code postgres-<system>-<architecture>.txz}): surefire puts all five on the unit tests' class path (the pom's
 * {@code additionalClasspathDependencies}), so every {@code ./mvnw verify}, on any machine, proves that a Windows or
 * Mac office's first {@code ./mvnw spring-boot:run} finds its binaries. The jar holds the build machine's own (the
 * profile its system activates), or all five with {@code -Pall-platforms}. A platform whose artifact is missing from
 * the pom or from Maven Central fails the build (resolution) or this test.
 */
class PostgresBinariesTest {

    static final List<String> OFFICES = List.of("linux-x86_64", "linux-arm_64", "windows-x86_64", "darwin-x86_64",
            "darwin-arm_64");

    /** What the pom's profiles say the build holds (surefire passes it on). */
    static List<String> declared() {
        String platforms = System.getProperty("postgres.platforms", "");
        return Arrays.stream(platforms.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** This machine's platform as zonky names it. */
    static String thisPlatform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "darwin" : "linux";
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return system + "-" + (arch.equals("aarch64") || arch.equals("arm64") ? "arm_64" : "x86_64");
    }

    @Test
    void thisMachinesBinariesAreThere() {
        if (System.getProperty("postgres.platforms") != null) { // run by Maven, not an IDE
            assertThat(declared()).as("the profile of this platform is active").contains(thisPlatform());
        }
        assertThat(resource(thisPlatform())).isNotNull();
    }

    @Test
    void everyOfficesBinariesResolve() {
        for (String platform : OFFICES) {
            assertThat(resource(platform)).as("postgres-%s.txz on the class path", platform).isNotNull();
        }
    }

    @Test
    void everyDeclaredPlatformsBinariesAreThere() {
        assertThat(OFFICES).containsAll(declared());
        for (String platform : declared()) {
            assertThat(resource(platform)).as("postgres-%s.txz on the class path", platform).isNotNull();
        }
    }

    @Test
    void allPlatformsMeansEveryOfficesPlatform() {
        if (declared().size() > 1) {
            assertThat(declared()).containsExactlyInAnyOrderElementsOf(OFFICES);
        }
    }

    private static java.net.URL resource(String platform) {
        return PostgresBinariesTest.class.getClassLoader().getResource("postgres-" + platform + ".txz");
    }
}
