package vn.parindex.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders a template fragment to HTML and keeps it while the data it shows is unchanged.
 *
 * <p>A fragment is kept under a name (what it shows: the dashboard of a cycle, in a language…) together with the
 * database's data revision it was rendered from; a request with the same name and revision gets the kept HTML
 * without reading or rendering anything, a newer revision renders again and replaces it. Only fragments that are
 * the same for everyone who may see them belong here: no user names, no CSRF tokens.
 */
@Component
public class RenderedFragments {

    /** At most this many fragments are kept; past it, the oldest revision's are dropped first. */
    static final int CAPACITY = 512;

    private record Kept(long revision, String html) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final SpringTemplateEngine templates;
    private final ApplicationContext context;
    private final ConversionService conversions;

    RenderedFragments(SpringTemplateEngine templates, ApplicationContext context,
            @org.springframework.beans.factory.annotation.Qualifier("mvcConversionService")
            ConversionService conversions) {
        this.templates = templates;
        this.context = context;
        this.conversions = conversions;
    }

    /**
     * The HTML of {@code template :: fragment} for {@code key} at {@code revision}: kept HTML when there is some
     * for that revision, else rendered with the variables {@code model} supplies (called only then).
     */
    public String html(String key, long revision, String template, String fragment,
            Supplier<Map<String, Object>> model, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        String name = key + '|' + locale.toLanguageTag();
        Kept found = kept.get(name);
        if (found != null && found.revision() == revision) {
            return found.html();
        }
        String html = render(template, fragment, model.get(), request, response, locale);
        if (found == null || found.revision() <= revision) {
            if (kept.size() >= CAPACITY) {
                kept.clear();
            }
            kept.put(name, new Kept(revision, html));
        }
        return html;
    }

    /** Renders without keeping anything. */
    public String render(String template, String fragment, Map<String, Object> model, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        JakartaServletWebApplication application =
                JakartaServletWebApplication.buildApplication(request.getServletContext());
        WebContext webContext = new WebContext(application.buildExchange(request, response), locale, model);
        webContext.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, conversions));
        return templates.process(template, Set.of(fragment), webContext);
    }
}
