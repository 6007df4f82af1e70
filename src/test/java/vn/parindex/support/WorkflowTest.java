package vn.parindex.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Like {@link IntegrationTest}, on a database of its own: for tests that submit, approve and change scores,
 * which the database keeps for ever (the history is append-only), so the read-only tests keep the published
 * figures untouched. Its {@link StatementCounter} counts the SQL statements the application sends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = "parindex.test.database=workflow")
@org.springframework.context.annotation.Import(StatementCounter.class)
public @interface WorkflowTest {
}
