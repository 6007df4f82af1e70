package vn.parindex.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
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
import vn.parindex.system.BusinessClock;

/**
 * Renders a template fragment of the page being answered to HTML, and keeps it while the data it shows is
 * unchanged: kept only where measured (bench/pages.sh, see docs/ARCHITECTURE.md), since the read models behind
 * it are kept anyway ({@code @Cacheable}).
 *
 * <p>The key is made here, never by a controller: the request's address (path and every parameter), the day (what
 * is late changes at midnight), the language, the template and fragment, and the audience the controller names
 * (who sees the same HTML: {@link #EVERYONE}, or e.g. a unit); the {@linkplain DataRevision data revision} is added
 * by the {@value Caches#FRAGMENTS} cache ({@link Caches#atRevision}). Only GET requests keep anything; nothing is
 * kept inside a writing transaction. Only fragments that are the same for their whole audience belong here: no
 * user names, no CSRF tokens. {@code parindex.pages.keep-fragments=false} renders every time (to measure).
 */
@Component
public class RenderedFragments {

    /** The audience of a fragment that is the same for everyone allowed to see the page. */
    public static final String EVERYONE = "everyone";

    /** What a fragment is kept under (with the data revision). */
    record Key(String address, LocalDate day, Locale locale, String template, String fragment, Object audience) {
    }

    private final Cache kept;
    private final SpringTemplateEngine templates;
    private final ApplicationContext context;
    private final ConversionService conversions;
    private final BusinessClock clock;
    private final boolean keep;

    RenderedFragments(SpringTemplateEngine templates, ApplicationContext context,
            @Qualifier("mvcConversionService") ConversionService conversions, CacheManager caches,
            DataRevision revisions, BusinessClock clock,
            PagesProperties pages) {
        this.templates = templates;
        this.context = context;
        this.conversions = conversions;
        this.clock = clock;
        this.keep = pages.keepFragments();
        this.kept = Caches.atRevision(caches, revisions, Caches.FRAGMENTS);
    }

    /**
     * The HTML of {@code template :: fragment} for the page being answered, the same for everyone in
     * {@code audience}: kept HTML when there is some, else rendered with the variables {@code model} supplies
     * (called only then).
     */
    public String html(Object audience, String template, String fragment, Supplier<Map<String, Object>> model) {
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = attributes.getRequest();
        Locale locale = LocaleContextHolder.getLocale();
        Supplier<String> render = () -> render(template, fragment, model.get(), request, attributes.getResponse(),
                locale);
        if (!keep || !"GET".equals(request.getMethod())) {
            return render.get();
        }
        return Caches.get(kept, new Key(address(request), clock.today(), locale, template, fragment, audience), render);
    }

    /** The HTML of {@code template :: fragment} for the page being answered, the same for everyone allowed to see it. */
    public String everyone(String template, String fragment, Supplier<Map<String, Object>> model) {
        return html(EVERYONE, template, fragment, model);
    }

    /** The path with every parameter, in a fixed order: what the request asks to see. */
    static String address(HttpServletRequest request) {
        StringBuilder address = new StringBuilder(request.getRequestURI());
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String value : values) {
                address.append(address.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(value);
            }
        });
        return address.toString();
    }

    /** Renders without keeping anything. */
    private String render(String template, String fragment, Map<String, Object> model, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        JakartaServletWebApplication application =
                JakartaServletWebApplication.buildApplication(request.getServletContext());
        WebContext webContext = new WebContext(application.buildExchange(request, response), locale, model);
        webContext.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, conversions));
        return templates.process(template, Set.of(fragment), webContext);
    }
}
