package vn.parindex.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders a template fragment to HTML and keeps it while the data it shows is unchanged.
 *
 * <p>A fragment is kept in the {@value Caches#FRAGMENTS} cache under what it shows (the dashboard of a cycle, the
 * appendix, a domain's rows), the data revision it was rendered from, the kind of viewer it was rendered for and
 * the language; a request with the same key gets the kept HTML without reading or rendering anything, a newer
 * revision misses and renders again (the older entry leaves by the cache's size bound). Only fragments that are
 * the same for every viewer of one kind belong here: no user names, no CSRF tokens. Never kept when rendered
 * inside a writing transaction.
 */
@Component
public class RenderedFragments {

    /** Viewer kind of a fragment that is the same for everyone allowed to see it. */
    public static final String EVERYONE = "everyone";

    /** What a fragment is kept under. */
    record Key(String what, long revision, String viewerKind, Locale locale) {
    }

    private final Cache kept;
    private final SpringTemplateEngine templates;
    private final ApplicationContext context;
    private final ConversionService conversions;

    RenderedFragments(SpringTemplateEngine templates, ApplicationContext context,
            @org.springframework.beans.factory.annotation.Qualifier("mvcConversionService")
            ConversionService conversions, CacheManager caches) {
        this.templates = templates;
        this.context = context;
        this.conversions = conversions;
        this.kept = caches.getCache(Caches.FRAGMENTS);
    }

    /**
     * The HTML of {@code template :: fragment} showing {@code what} at {@code revision} to a viewer of
     * {@code viewerKind}: kept HTML when there is some, else rendered with the variables {@code model} supplies
     * (called only then).
     */
    public String html(String what, long revision, String viewerKind, String template, String fragment,
            Supplier<Map<String, Object>> model, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        return Caches.get(kept, () -> new Key(what, revision, viewerKind, locale),
                () -> render(template, fragment, model.get(), request, response, locale));
    }

    /**
     * The HTML of {@code template :: fragment} showing {@code what} at {@code revision}, the same for everyone
     * allowed to see it, in the language of the current request: the request being answered supplies the rest.
     */
    public String everyone(String what, long revision, String template, String fragment,
            Supplier<Map<String, Object>> model) {
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        return html(what, revision, EVERYONE, template, fragment, model, attributes.getRequest(),
                attributes.getResponse(), LocaleContextHolder.getLocale());
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
