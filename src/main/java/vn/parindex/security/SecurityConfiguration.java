package vn.parindex.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * Two doors: the JSON API under {@code /api/**} with HTTP Basic (stateless, no cookies, so no CSRF token, but
 * cross-site writes refused and no Basic challenge to browsers), and the pages with a Vietnamese login form, CSRF
 * protection and a strict Content-Security-Policy. Over HTTPS, both send HSTS (Spring Security, on secure requests)
 * and the session cookie is {@code Secure} (Tomcat, on secure requests). Method security is on: modules that must
 * not depend on this one check roles with {@code @PreAuthorize("hasRole('ADMIN')")}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final org.slf4j.Logger SECURITY_LOG = org.slf4j.LoggerFactory.getLogger("vn.parindex.security.audit");

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** PBKDF2 for new hashes; BCrypt hashes from before still match and are upgraded at the next login. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordHashing.create();
    }

    /**
     * No Micrometer observations around every security filter, authentication and authorization: with Actuator's
     * observation registry they cost a measurable share of every request (bench/pages.sh) and nothing here reads
     * them. Requests are still observed as a whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    AuthenticationProvider authenticationProvider(DatabaseUserDetailsService users, PasswordEncoder passwordEncoder,
            LoginThrottle throttle, PasswordMemoryProperties memory, LoginProperties login) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        passwords.setUserDetailsPasswordService(users);
        return ThrottlingAuthenticationProvider.of(new PasswordCheckLimit(passwords, login.concurrentChecks(),
                login.checkWait()), checks -> new RecentlyVerifiedPasswords(checks, users,
                memory.verifiedPasswordMemory(), Clock.systemUTC()), throttle);
    }

    /** A province account's forms name the body their page was rendered for ({@link BodyFormActions}). */
    @Bean
    static BodyFormActions.Wrapper bodyFormActions(
            org.springframework.beans.factory.ObjectProvider<vn.parindex.organisation.Bodies> bodies) {
        return new BodyFormActions.Wrapper(bodies);
    }

    /** How a request finds its body ({@link BodyScopeFilter}): in both chains, never as a servlet filter of its own. */
    @Bean
    BodyScopeFilter bodyScopeFilter(vn.parindex.organisation.Bodies bodies, vn.parindex.web.ApiProblems problems) {
        return new BodyScopeFilter(bodies, problems);
    }

    @Bean
    FilterRegistrationBean<BodyScopeFilter> bodyScopeFilterOnlyInChains(BodyScopeFilter filter) {
        FilterRegistrationBean<BodyScopeFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** An account on its first password opens only the password page ({@link PasswordChangeFilter}). */
    @Bean
    PasswordChangeFilter passwordChangeFilter(DatabaseUserDetailsService users, vn.parindex.web.ApiProblems problems) {
        return new PasswordChangeFilter(users, problems);
    }

    @Bean
    FilterRegistrationBean<PasswordChangeFilter> passwordChangeFilterOnlyInChains(PasswordChangeFilter filter) {
        FilterRegistrationBean<PasswordChangeFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProblems problems, BodyScopeFilter bodyScope,
            PasswordChangeFilter passwordChange) throws Exception {
        AuthenticationEntryPoint entryPoint = apiEntryPoint(problems);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // a body's file is read only once its sender is known to be the province's
                        .requestMatchers(HttpMethod.POST, "/api/v1/bodies/import").hasRole("PROVINCE")
                        // the province's index of a level: read by everyone (their own row), written by the province
                        .requestMatchers(HttpMethod.POST, "/api/v1/indexes", "/api/v1/indexes/**").hasRole("PROVINCE")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/indexes/**").hasRole("PROVINCE")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .addFilterBefore(new CrossSiteWriteFilter(problems), BasicAuthenticationFilter.class)
                .addFilterBefore(passwordChange, AuthorizationFilter.class)
                .addFilterBefore(bodyScope, AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(jsonForbidden(problems)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, BodyScopeFilter bodyScope,
            PasswordChangeFilter passwordChange) throws Exception {
        http.addFilterBefore(passwordChange, AuthorizationFilter.class)
                .addFilterBefore(bodyScope, AuthorizationFilter.class)
                .addFilterAfter(new TokenBeforeRendering(), org.springframework.security.web.csrf.CsrfFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/webjars/**", "/assets/**", "/favicon.ico",
                                "/error", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/province", "/province/**").hasRole("PROVINCE")
                        .requestMatchers("/admin/**", "/review").hasRole("ADMIN")
                        // the API description and its UI (web.OpenApiConfiguration): every signed-in user, like a page
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui", "/swagger-ui/**",
                                "/swagger-ui.html").authenticated()
                        .requestMatchers(HttpMethod.POST, "/cycles/*/ranking", "/cycles/*/ranking/**")
                        .hasRole("ADMIN")
                        // creating and changing tasks, reviewing units' reports, the deadlines: Home Affairs (the
                        // services check again)
                        .requestMatchers("/cycles/*/tasks/new", "/tasks/*/edit").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/cycles/*/tasks", "/tasks/*", "/cycles/*/calendar",
                                "/cycles/*/reports/*/units/*/return", "/cycles/*/reports/*/units/*/accept",
                                "/cycles/*/appraisal")
                        .hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll().successHandler(new RoleLanding())
                        .failureHandler(loginFailure()))
                .exceptionHandling(errors -> errors.accessDeniedHandler(loggedRefusal())
                        .authenticationEntryPoint(new SessionEndedEntryPoint("/login")))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // the sessions are in PostgreSQL (Spring Session JDBC): an account's are deleted there when it is
                // disabled or its password or role changes (accounts.AccountService), which every instance sees at
                // the person's next request
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * The login page says why: a delayed client how long to wait ({@code ?wait=seconds}), an unreachable database
     * that nothing was checked ({@code ?unavailable}); every other failure gets one neutral message.
     */
    static AuthenticationFailureHandler loginFailure() {
        RedirectStrategy redirect = new DefaultRedirectStrategy();
        return (request, response, e) -> {
            String target = e instanceof LoginDelayedException delayed
                    ? "/login?wait=" + delayed.retryAfter().toSeconds()
                    : e instanceof LoginUnavailableException ? "/login?unavailable" : "/login?error";
            redirect.sendRedirect(request, response, target);
        };
    }

    /**
     * 401 (with a Basic challenge, except to browsers: a browser never gets to remember API credentials), 429 with
     * {@code Retry-After} for a delayed client or while too many passwords are being checked at once, 503 when the accounts cannot be read.
     */
    static AuthenticationEntryPoint apiEntryPoint(SecurityProblems problems) {
        return (request, response, e) -> {
            if (e instanceof LoginBusyException busy) {
                problems.busy(request, response, busy.retryAfter());
            } else if (e instanceof LoginDelayedException delayed) {
                problems.delayed(request, response, delayed.retryAfter());
            } else if (e instanceof LoginUnavailableException) {
                problems.unavailable(request, response);
            } else {
                problems.unauthorized(request, response, !fromBrowser(request));
            }
        };
    }

    /** Browsers send Sec-Fetch-* headers (and ask for HTML when navigating); API clients do neither. */
    static boolean fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * A form sent with a session that has ended (its token matches nothing) is no attack: the person signs in
     * again, what they typed kept where it can be ({@link KeptForm}). Every other refusal is logged and answered 403.
     */
    private static AccessDeniedHandler loggedRefusal() {
        AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
        RedirectStrategy redirect = new DefaultRedirectStrategy();
        return (request, response, e) -> {
            if (e instanceof org.springframework.security.web.csrf.CsrfException
                    && SessionEndedEntryPoint.ended(request) && !response.isCommitted()) {
                boolean kept = KeptForm.keep(request);
                redirect.sendRedirect(request, response, kept ? "/login?expired&kept" : "/login?expired");
                return;
            }
            logRefusal(request);
            page.handle(request, response, e);
        };
    }

    private static AccessDeniedHandler jsonForbidden(SecurityProblems problems) {
        return (request, response, e) -> {
            logRefusal(request);
            problems.write(request, response, HttpStatus.FORBIDDEN, "api.403");
        };
    }

    private static void logRefusal(HttpServletRequest request) {
        java.security.Principal who = request.getUserPrincipal();
        SECURITY_LOG.warn("Permission refused: user={} {} {} client={}", LogSafe.of(who == null ? null : who.getName()),
                LogSafe.of(request.getMethod()), LogSafe.of(request.getRequestURI()),
                LogSafe.of(request.getRemoteAddr()));
    }
}
