package vn.parindex.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import java.util.Map;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Two doors: the JSON API under {@code /api/**} with HTTP Basic (stateless, no cookies, so no CSRF token), and
 * the pages with a Vietnamese login form, CSRF protection and a strict Content-Security-Policy.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final org.slf4j.Logger SECURITY_LOG = org.slf4j.LoggerFactory.getLogger("vn.parindex.security.audit");

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Knows the open sessions, so disabling an account ends them at once. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    AuthenticationProvider authenticationProvider(DatabaseUserDetailsService users, PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            @org.springframework.beans.factory.annotation.Value("${parindex.security.verified-password-memory:5m}")
            java.time.Duration verifiedPasswordMemory) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottlingAuthenticationProvider(new RecentlyVerifiedPasswords(passwords, users,
                verifiedPasswordMemory, java.time.Clock.systemUTC()), throttle);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(jsonUnauthorized()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(jsonUnauthorized())
                        .accessDeniedHandler(jsonForbidden()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, SessionRegistry sessionRegistry) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/webjars/**", "/assets/**", "/favicon.ico",
                                "/error", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/admin/**", "/review").hasRole("ADMIN")
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/cycles/*/ranking", "/cycles/*/ranking/**")
                        .hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll().failureHandler(loginFailure()))
                .exceptionHandling(errors -> errors.accessDeniedHandler(loggedRefusal()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                        .maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login?expired"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** Locked accounts and clients are told so on the login page; other failures get one neutral message. */
    private static AuthenticationFailureHandler loginFailure() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/login?error");
        handler.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        return handler;
    }

    private static AccessDeniedHandler loggedRefusal() {
        AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
        return (request, response, e) -> {
            logRefusal(request);
            page.handle(request, response, e);
        };
    }

    private static void logRefusal(jakarta.servlet.http.HttpServletRequest request) {
        java.security.Principal who = request.getUserPrincipal();
        SECURITY_LOG.warn("Permission refused: user={} {} {} client={}", who == null ? "-" : who.getName(),
                request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
    }

    private static AuthenticationEntryPoint jsonUnauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"PAR Index\", charset=\"UTF-8\"");
            problem(response, HttpStatus.UNAUTHORIZED, "Chưa xác thực",
                    "Cần đăng nhập (HTTP Basic) bằng tài khoản hợp lệ.");
        };
    }

    private static AccessDeniedHandler jsonForbidden() {
        return (request, response, e) -> {
            logRefusal(request);
            problem(response, HttpStatus.FORBIDDEN, "Không có quyền",
                    "Tài khoản này không có quyền thực hiện thao tác này.");
        };
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String title,
            String detail) throws java.io.IOException {
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
