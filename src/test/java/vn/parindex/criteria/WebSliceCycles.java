package vn.parindex.criteria;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The one way an address's year becomes a {@link Cycle} ({@link CycleArgumentResolver}, a configuration class that
 * {@code @WebMvcTest} slices leave out), for slices whose controllers take a {@code Cycle}. The test gives
 * {@link KeptCycles} as a {@code @MockitoBean} and the cycles it knows with {@link #cycle}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(CycleArgumentResolver.class)
public class WebSliceCycles {

    /** A cycle of {@code year} with the given id, as the database would give it (no database here). */
    public static Cycle cycle(long id, int year, CycleStatus status) {
        Cycle cycle = new Cycle(year, year - 1, status, "Chỉ số CCHC năm " + year);
        ReflectionTestUtils.setField(cycle, "id", id);
        return cycle;
    }
}
