package vn.parindex.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.parindex.backup.BackupService;
import vn.parindex.backup.NightlyBackups;
import vn.parindex.criteria.KeptCycles;
import vn.parindex.criteria.WebSliceCycles;
import vn.parindex.organisation.UnitAdminService;
import vn.parindex.ranking.RankingService;
import vn.parindex.reminders.TodoService;
import vn.parindex.security.WebSliceSecurity;
import vn.parindex.web.LocaleConfiguration;

/**
 * A {@code @WebMvcTest} slice, with no database: the controllers below (only these: not the page caches, not the
 * other configurers), the application's security rules ({@link WebSliceSecurity}), the year's resolver
 * ({@link WebSliceCycles}), the choice of language (Vietnamese unless asked), Thymeleaf and the message bundles;
 * every service they call is a Mockito stand-in that the test takes with {@code @Autowired} (reset after each
 * test). For binding (a malformed parameter is a 400), authorization (who reaches which address, with or without
 * the form's token) and what the controller hands to the service and the page. Every class using it shares ONE
 * context: add a controller and its services here rather than declaring {@code @MockitoBean} fields in a test,
 * which would make a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(useDefaultFilters = false, includeFilters = @Filter(type = FilterType.REGEX, pattern = {
        "vn\\.parindex\\.ranking\\.RankingController", "vn\\.parindex\\.backup\\.BackupController",
        "vn\\.parindex\\.reminders\\.TodoApiController", "vn\\.parindex\\.security\\.LoginController",
        "vn\\.parindex\\.organisation\\.UnitAdminController", "vn\\.parindex\\.web\\.PageConflictAdvice"}))
@Import({WebSliceSecurity.class, WebSliceCycles.class, LocaleConfiguration.class})
@MockitoBean(types = {RankingService.class, KeptCycles.class, BackupService.class, NightlyBackups.class,
        TodoService.class, UnitAdminService.class})
public @interface ControllerSlice {
}
