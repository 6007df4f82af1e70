package vn.parindex.security;

import static org.mockito.Mockito.mock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import vn.parindex.system.BusinessClock;
import vn.parindex.web.ApiProblems;

/**
 * The application's own security rules ({@link SecurityConfiguration}: which roles reach which addresses, the API's
 * problem documents for 401 and 403, CSRF on pages) for {@code @WebMvcTest} slices, which leave configuration
 * classes out. The accounts are never read (tests sign in with {@code user(…)}), so the account store and the
 * login throttle are stand-ins; nothing here needs a database.
 */
@TestConfiguration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties({PasswordMemoryProperties.class,
        LoginProperties.class})
@Import({SecurityConfiguration.class, SecurityProblems.class, ApiProblems.class, CurrentUserAdvice.class,
        DemoDateAdvice.class})
public class WebSliceSecurity {

    @Bean
    DatabaseUserDetailsService accounts() {
        return mock(DatabaseUserDetailsService.class);
    }

    /** One body, never read: slice tests sign in as accounts of the first body. */
    @Bean
    vn.parindex.organisation.Bodies bodies() {
        return mock(vn.parindex.organisation.Bodies.class);
    }

    @Bean
    LoginThrottle loginThrottle() {
        return mock(LoginThrottle.class);
    }

    @Bean
    BusinessClock businessClock() {
        return BusinessClock.real();
    }

    /** A signed-in Home Affairs officer, leader or head of a unit ({@code unitCode}; none for the other roles). */
    public static CurrentUser person(Role role, String unitCode) {
        String username = unitCode == null ? role.name().toLowerCase(java.util.Locale.ROOT) : unitCode.toLowerCase(
                java.util.Locale.ROOT);
        return new CurrentUser(1L, username, username, "{noop}x", role, unitCode == null ? null : 11L, unitCode,
                unitCode, true);
    }

    /** Signs the request in as {@link #person}. */
    public static org.springframework.test.web.servlet.request.RequestPostProcessor as(Role role, String unitCode) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                person(role, unitCode));
    }
}
