package vn.parindex.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * HTTP conditional requests for what is rendered from the {@linkplain DataRevision data revision} alone: the answer
 * carries a weak {@code ETag} made of the revision (and, for pages, of who asks, in which session and language, and
 * the day: what is due or late changes at midnight),
 * and {@code Cache-Control: private, no-cache}, so browsers and API clients keep it and ask again with
 * {@code If-None-Match}; while nothing changed they get {@code 304 Not Modified}, decided before anything is read
 * or rendered (one small query, or none while a reading of the revision is trusted).
 *
 * <p>The tag is weak because Tomcat compresses only answers without a strong one. It also names this run of the
 * application, so a new version's templates are never hidden behind an old tag. Pages put the session in it: a
 * kept page holds the session's form token, which a new sign-in replaces. Requests that switch the language
 * ({@code ?lang=}) are always answered in full.
 */
@Component
public class RevisionETags {

    private final DataRevision revisions;
    private final LocaleResolver locales;
    /** Names this run of the application: templates may differ after a restart while the revision does not. */
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private final vn.parindex.system.BusinessClock clock;

    RevisionETags(DataRevision revisions, LocaleResolver locales, vn.parindex.system.BusinessClock clock) {
        this.revisions = revisions;
        this.locales = locales;
        this.clock = clock;
    }

    /**
     * Sets the tag and the caching headers of a GET or HEAD answer; true when the client's copy is current and a
     * {@code 304} was answered (nothing more to do).
     *
     * @param personal whether the answer depends on who asks, their session and language (pages), or only on the
     *        data (the JSON API)
     */
    public boolean notModified(HttpServletRequest request, HttpServletResponse response, boolean personal) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method) || personal && request.getParameter("lang") != null) {
            return false;
        }
        String etag = "W/\"" + run + '-' + revision(request) + '-' + vn.parindex.system.BodyScope.current() + (personal ? "-" + viewer(request) + "-" + clock.today() : "") + '"';
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        return new ServletWebRequest(request, response).checkNotModified(etag);
    }

    /** The data revision, read once per request (the tag and {@link CachedPages} then agree on it). */
    public long revision(HttpServletRequest request) {
        return revisions.current();
    }

    /** Checks {@link #notModified} before the handler runs: a {@code 304} is answered without calling it. */
    public HandlerInterceptor interceptor(boolean personal) {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                return !notModified(request, response, personal);
            }
        };
    }

    /** Who asks, in which session and language: digested, so the tag tells nothing about the session. */
    private String viewer(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        String viewer = (authentication == null ? "" : authentication.getName() + authentication.getAuthorities())
                + '|' + (session == null ? "" : session.getId()) + '|'
                + locales.resolveLocale(request).toLanguageTag();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(viewer.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
