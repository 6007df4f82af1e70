package vn.parindex.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.parindex.security.AppUserRepository;
import vn.parindex.security.CurrentUser;

/** A seeded account as the signed-in person: of a MockMvc request, or of the calling thread (services). */
public final class SignedIn {

    private SignedIn() {
    }

    public static CurrentUser load(AppUserRepository users, String username) {
        return users.findByUsernameWithUnit(username).map(u -> new CurrentUser(u.getId(), u.getUsername(),
                u.getDisplayName(), u.getPasswordHash(), u.getRole(), u.getUnit() == null ? null : u.getUnit().getId(),
                u.getUnit() == null ? null : u.getUnit().getCode(), u.getUnit() == null ? null : u.getUnit().getName(),
                u.isEnabled(), u.getBodyId())).orElseThrow(); // the province's accounts: no body
    }

    /** The request is made by this account (a page session). */
    public static RequestPostProcessor as(AppUserRepository users, String username) {
        return user(load(users, username));
    }

    /** Service calls on this thread are made by this account, until {@link SecurityContextHolder#clearContext()}. */
    public static CurrentUser onThisThread(AppUserRepository users, String username) {
        CurrentUser person = load(users, username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(person, null, List.copyOf(person.getAuthorities())));
        return person;
    }

    /**
     * A successful sign-in: redirected to a role's first screen (Home Affairs {@code /todo}, a head of office the
     * unit's page, leaders the dashboard), never back to the login page.
     */
    public static org.springframework.test.web.servlet.ResultMatcher landed() {
        return result -> org.assertj.core.api.Assertions.assertThat(result.getResponse().getRedirectedUrl())
                .matches("/|/todo|/units/[A-Z0-9_]+");
    }

    /** A page as this account reads it (200 expected), parsed. */
    public static org.jsoup.nodes.Document page(org.springframework.test.web.servlet.MockMvc mvc,
            AppUserRepository users, String username, String path) throws Exception {
        return org.jsoup.Jsoup.parse(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get(path).with(as(users, username)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A form sent by this account, with its CSRF token. */
    public static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(
            AppUserRepository users, String username, String path) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(as(users, username))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
    }

    /** A request from this client address (the login throttle counts failures per account and address). */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The sign-in form posted, with its CSRF token. */
    public static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder loginForm(
            String username, String password) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                .param("username", username).param("password", password)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
    }
}
