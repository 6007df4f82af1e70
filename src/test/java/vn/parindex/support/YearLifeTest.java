package vn.parindex.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Like {@link IntegrationTest}, on a database of its own: for the tests that close the seeded year through the
 * application and start the next one from it. The application never reopens a closed year and never removes a
 * started one, and every other test works in the open 2023, so this is the one change that cannot be cleaned up
 * after a test. Tests that only need a closed year close it for themselves and reopen it (see
 * {@code EvidenceDetailsAndScoringMethodTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = "parindex.test.database=year-life")
public @interface YearLifeTest {
}
