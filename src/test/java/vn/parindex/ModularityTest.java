package vn.parindex;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages depend on each other without cycles and only through their public types. */
class ModularityTest {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(ParIndexApplication.class).verify();
    }
}
