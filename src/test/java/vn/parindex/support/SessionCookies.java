package vn.parindex.support;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * MockMvc with the sessions in PostgreSQL (Spring Session JDBC): Spring Session finds a request's session by its
 * {@code SESSION} cookie, and MockMvc carries no cookies from one request to the next. Tests keep passing the
 * {@code MockHttpSession} of an earlier request ({@code .session(s)}), as they always did: the session cookie an
 * answer sets is remembered in that mock session, and sent with every later request made with it. So every test
 * goes through the real session store. Registered for every test context (META-INF/spring.factories).
 */
public class SessionCookies implements ContextCustomizerFactory {

    /** Where the mock session keeps the cookie's value. */
    static final String COOKIE_VALUE = SessionCookies.class.getName() + ".cookie";
    static final String COOKIE = "SESSION";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    /**
     * A session stored as the application stores them, holding these attributes, as a mock session that sends its
     * cookie: for tests that need a session in a given state (a one-time message waiting…).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static org.springframework.mock.web.MockHttpSession stored(
            org.springframework.session.SessionRepository repository, java.util.Map<String, Object> attributes) {
        org.springframework.session.Session session = repository.createSession();
        attributes.forEach(session::setAttribute);
        repository.save(session);
        org.springframework.mock.web.MockHttpSession mock = new org.springframework.mock.web.MockHttpSession();
        mock.setAttribute(COOKIE_VALUE, java.util.Base64.getEncoder().encodeToString(
                session.getId().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return mock;
    }

    /** The session cookie the mock session remembers, if any. */
    public static String cookieOf(HttpSession session) {
        return session == null ? null : (String) session.getAttribute(COOKIE_VALUE);
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            MockMvcBuilderCustomizer customizer = builder -> builder
                    .defaultRequest(MockMvcRequestBuilders.get("/").with(request -> {
                        HttpSession session = request.getSession(false);
                        String value = cookieOf(session);
                        boolean sent = request.getCookies() != null
                                && Arrays.stream(request.getCookies()).anyMatch(c -> COOKIE.equals(c.getName()));
                        if (value != null && !sent) {
                            List<Cookie> cookies = new ArrayList<>(request.getCookies() == null ? List.of()
                                    : Arrays.asList(request.getCookies()));
                            cookies.add(new Cookie(COOKIE, value));
                            request.setCookies(cookies.toArray(Cookie[]::new));
                        }
                        return request;
                    }))
                    .alwaysDo(result -> {
                        Cookie cookie = result.getResponse().getCookie(COOKIE);
                        if (cookie != null) {
                            HttpSession session = result.getRequest().getSession(true);
                            if (cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty()) {
                                session.removeAttribute(COOKIE_VALUE);
                            } else {
                                session.setAttribute(COOKIE_VALUE, cookie.getValue());
                            }
                        }
                    });
            context.getBeanFactory().registerSingleton("sessionCookies", customizer);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
