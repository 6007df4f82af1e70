package vn.parindex.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Like {@link IntegrationTest}, on a database of its own that holds more than one body: the deployment of a
 * province, where Tân Yên (the first body, with the seeded plan) sits beside bodies the tests add. Every other
 * test context has Tân Yên alone, as a single-body install has.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = "parindex.test.database=bodies")
public @interface BodiesTest {
}
