package vn.parindex.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person typed into a form sent after their session ended (timed out, ended by a change of their account,
 * its row gone): the form's token no longer matches anything, so the form is refused, but what it held is kept in
 * the new session, and once they have signed in again {@code /resume} shows it, ready to be sent again with one
 * button ({@link ResumeController}). Kept where it can be: plain forms only (a file chosen for upload cannot be
 * kept: the browser sends it again only when chosen again), of at most {@link #MAX_FIELDS} fields and
 * {@link #MAX_CHARACTERS} characters in all, sent to a page of this application.
 *
 * @param action where the form was sent (path and query of this application)
 * @param fields its fields in order, each with its values, the form token left out
 */
public record KeptForm(String action, Map<String, List<String>> fields) implements Serializable {

    static final String ATTRIBUTE = KeptForm.class.getName();
    static final int MAX_FIELDS = 200;
    static final int MAX_CHARACTERS = 64 * 1024;

    /** Keeps the request's form in a new session if it can be kept; whether it was. */
    static boolean keep(HttpServletRequest request) {
        KeptForm form = of(request);
        if (form == null) {
            return false;
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(ATTRIBUTE, form);
        return true;
    }

    /** The request's form, or null when it cannot be kept. */
    static KeptForm of(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (!"POST".equals(request.getMethod()) || contentType == null
                || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/") || path.startsWith("//") || path.equals("/login") || path.equals("/logout")) {
            return null;
        }
        String query = request.getQueryString();
        String action = query == null ? path : path + "?" + query;
        int characters = action.length();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        // only the body's fields: a parameter of the query string stays in the action
        Map<String, String[]> parameters = request.getParameterMap();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (name.equals("_csrf") || inQuery(query, name)) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (String value : parameter.getValue()) {
                characters += name.length() + (value == null ? 0 : value.length());
                values.add(value == null ? "" : value);
            }
            fields.put(name, List.copyOf(values));
            if (fields.size() > MAX_FIELDS || characters > MAX_CHARACTERS) {
                return null;
            }
        }
        return fields.isEmpty() ? null : new KeptForm(action, fields);
    }

    private static boolean inQuery(String query, String name) {
        return query != null && org.springframework.web.util.UriComponentsBuilder.newInstance().query(query).build()
                .getQueryParams().keySet().stream()
                .anyMatch(key -> java.net.URLDecoder.decode(key, java.nio.charset.StandardCharsets.UTF_8).equals(name));
    }

    /** The form kept in this session, taken out of it (shown once). */
    static KeptForm take(HttpSession session) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof KeptForm form)) {
            return null;
        }
        session.removeAttribute(ATTRIBUTE);
        return form;
    }

    /** Whether a form waits in this session. */
    static boolean waiting(HttpSession session) {
        return session != null && session.getAttribute(ATTRIBUTE) instanceof KeptForm;
    }
}
