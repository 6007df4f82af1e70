package vn.parindex.criteria;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write addressed by its year ({@code {year}} in the address), or by an id whose year its rule reads
 * ({@link YearWriters#yearOf}: a task's, an assessment's), that a closed year refuses: 409 with
 * {@code conflict.cycleClosed} before anything sent is bound or validated ({@link ClosedYearGuard}), so that what
 * was typed is never judged in a year that takes nothing. Only for whoever {@link #value} says could make the write
 * were the year open: anyone else gets what they get today (403 from the service, or the input's 400), never more
 * than "forbidden". An unknown year is 404 first; an unknown id goes on as before (404). The services keep their
 * own check for every other way in.
 * A write a closed year still takes (the other districts' totals of the ranking) is not marked.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RefusedWhenClosed {

    /** Who could make this write were the year open: a bean of this type (the feature's own rule). */
    Class<? extends YearWriters> value();
}
