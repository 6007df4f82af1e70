package vn.parindex.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test class works on every body's data, as start-up and the province's pages do ({@link FirstBodyScope}
 * enters that scope instead of the first body's): for code that counts or writes across bodies inside the test's
 * own transaction, such as the first accounts of a new install.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AllBodies {
}
