package vn.parindex.system;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whose data this thread works on: one body's (đơn vị được đánh giá: a commune, a ward, a department, a district),
 * every body's (the province's pages, signing in), or none. The database follows it: every connection the
 * application takes from its pool is set to the scope of the thread that takes it ({@code database.BodyConnections}),
 * and PostgreSQL's row-level security (V17) then shows and accepts only that body's rows. A thread with no scope
 * sees no row and cannot insert one: code that forgot to choose a body fails closed, it never reads another's data.
 *
 * <p>A request gets its scope from the signed-in person ({@code security.BodyScopeFilter}); work outside a request
 * (start-up, schedules) chooses it with {@link #call(long, Supplier)} or {@link #callAll(Supplier)}. A scope is
 * entered for a block and the previous one restored after it, so scopes nest.
 */
public final class BodyScope {

    /** A scope: one body, or every body ({@code body} null, {@code all} true), or none (null, false). */
    public record Scope(Long body, boolean all) {

        public static final Scope NONE = new Scope(null, false);
        public static final Scope ALL = new Scope(null, true);

        public static Scope of(long body) {
            return new Scope(body, false);
        }

        /** What a cache key or a page's tag carries: {@code b12}, {@code all}, {@code none}. */
        @Override
        public String toString() {
            return body != null ? "b" + body : all ? "all" : "none";
        }
    }

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private BodyScope() {
    }

    /** The scope of this thread ({@link Scope#NONE} when none was entered). */
    public static Scope current() {
        Scope scope = CURRENT.get();
        return scope == null ? Scope.NONE : scope;
    }

    /** The body this thread works on, or null (every body, or none). */
    public static Long body() {
        return current().body();
    }

    /** The body this thread works on; refuses when it works on every body or none (a programming error). */
    public static long requireBody() {
        Long body = body();
        if (body == null) {
            throw new IllegalStateException("No body chosen for this work (scope " + current() + ")");
        }
        return body;
    }

    /**
     * Enters a scope until the returned handle is closed, which restores the scope before it. Refused inside a
     * transaction when it would change the scope: the transaction's connection keeps the body it was taken for, so
     * the work would silently run on the other one.
     */
    public static Entered enter(Scope scope) {
        Scope before = CURRENT.get();
        if (!scope.equals(before == null ? Scope.NONE : before)
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The body's scope cannot change inside a transaction (from "
                    + (before == null ? Scope.NONE : before) + " to " + scope + ")");
        }
        CURRENT.set(scope);
        return () -> {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        };
    }

    /** Runs the work on one body's data. */
    public static <T> T call(long body, Supplier<T> work) {
        try (Entered entered = enter(Scope.of(body))) {
            return work.get();
        }
    }

    /** Runs the work on one body's data. */
    public static void run(long body, Runnable work) {
        try (Entered entered = enter(Scope.of(body))) {
            work.run();
        }
    }

    /** Runs the work on every body's data (sign-in, the province's pages, the list of bodies). */
    public static <T> T callAll(Supplier<T> work) {
        try (Entered entered = enter(Scope.ALL)) {
            return work.get();
        }
    }

    /** A scope entered for a block. */
    @FunctionalInterface
    public interface Entered extends AutoCloseable {
        @Override
        void close();
    }
}
