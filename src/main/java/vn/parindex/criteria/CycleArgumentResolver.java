package vn.parindex.criteria;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.parindex.system.NotFoundException;

/**
 * The one way a request's year becomes a {@link Cycle}: a controller method takes a {@code Cycle} parameter
 * (no annotation) and gets the cycle of the address's {@code {year}}, else of the {@code ?year=} parameter, else
 * the current cycle. An unknown year is a 404 ({@link NotFoundException#cycle}), a malformed one a 400 (the same
 * answer as any malformed parameter).
 */
@Configuration(proxyBeanMethods = false)
class CycleArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    /** Years are written with at most four digits; anything longer is malformed, not merely unknown. */
    private static final int MAX_YEAR_DIGITS = 4;

    private final KeptCycles cycles;

    CycleArgumentResolver(KeptCycles cycles) {
        this.cycles = cycles;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Cycle.class;
    }

    @Override
    public Cycle resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binders) {
        String year = pathYear(request);
        if (year == null) {
            year = request.getParameter("year");
        }
        if (year == null || year.isBlank()) {
            return cycles.current().orElseThrow(NotFoundException::noCycle);
        }
        int parsed = parse(year, parameter);
        return cycles.byYear(parsed).orElseThrow(() -> NotFoundException.cycle(parsed));
    }

    @SuppressWarnings("unchecked")
    private static String pathYear(NativeWebRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        return variables instanceof Map<?, ?> map ? (String) ((Map<String, String>) map).get("year") : null;
    }

    static int parse(String year, MethodParameter parameter) {
        String trimmed = year.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_YEAR_DIGITS || !trimmed.chars().allMatch(Character::isDigit)) {
            throw new MethodArgumentTypeMismatchException(year, Integer.class, "year", parameter,
                    new NumberFormatException(year));
        }
        return Integer.parseInt(trimmed);
    }
}
