package vn.parindex.support;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.BodyScope;

/**
 * Tests work on the deployment's first body (Tân Yên, where the seeded plan is) unless they choose another with
 * {@link BodyScope}: what a test reads or writes itself (repositories, {@code JdbcTemplate}, services called
 * directly) goes through connections set to that body, as a request of Tân Yên's people would. Requests a test
 * sends (MockMvc, a real server) find their body from the signed-in person, as in production. Entered before the
 * class's own set-up and before the test's transaction begins (this listener runs before Spring's transactional
 * one), left after the class. A class marked {@link AllBodies} works on every body instead.
 */
public final class FirstBodyScope implements TestExecutionListener, Ordered {

    private static final String ENTERED = FirstBodyScope.class.getName() + ".ENTERED";

    @Override
    public int getOrder() {
        return 100;
    }

    @Override
    public void beforeTestClass(TestContext context) {
        context.setAttribute(ENTERED, BodyScope.enter(scope(context)));
    }

    @Override
    public void beforeTestMethod(TestContext context) {
        context.setAttribute(ENTERED + ".method", BodyScope.enter(scope(context)));
    }

    /** The first body's, or every body's for a class marked {@link AllBodies}. */
    private static BodyScope.Scope scope(TestContext context) {
        return context.getTestClass().isAnnotationPresent(AllBodies.class) ? BodyScope.Scope.ALL
                : BodyScope.Scope.of(CurrentUser.FIRST_BODY);
    }

    @Override
    public void afterTestMethod(TestContext context) {
        if (context.removeAttribute(ENTERED + ".method") instanceof BodyScope.Entered entered) {
            entered.close();
        }
    }

    @Override
    public void afterTestClass(TestContext context) {
        if (context.removeAttribute(ENTERED) instanceof BodyScope.Entered entered) {
            entered.close();
        }
    }
}
