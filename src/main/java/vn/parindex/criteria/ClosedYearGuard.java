package vn.parindex.criteria;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.NotFoundException;
import vn.parindex.web.ApiProblems;
import vn.parindex.web.FormPage;

/**
 * A closed year refuses a write before its input is read: for a handler marked {@link RefusedWhenClosed}, after
 * the security chain (401, 403 by role) and before anything sent is bound, converted or validated (and before the
 * text rule of {@code web.TextInputGuard}): an unknown year is 404, then, for whoever could make the write were the
 * year open, a closed year is 409 with {@code conflict.cycleClosed}. The API answers it as every conflict (a
 * problem document); a page is shown again with the message as the page's alert ({@link FormPage#refused}), as for
 * any other conflict of its form. (That page's refusal is given when the form is submitted, so on a page form a
 * character the text rule refuses is still answered 400 first.) A write addressed by an id instead ({@code /tasks/{id}},
 * {@code /assessments/{id}/…}) is judged the same way in the year its rule reads for that id
 * ({@link YearWriters#yearOf}); an id that names nothing goes on as before (404).
 */
@Configuration(proxyBeanMethods = false)
class ClosedYearGuard implements HandlerInterceptor, WebMvcConfigurer {

    static final String MESSAGE = "conflict.cycleClosed";

    private final KeptCycles cycles;
    private final BeanFactory beans;

    ClosedYearGuard(KeptCycles cycles, BeanFactory beans) {
        this.cycles = cycles;
        this.beans = beans;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // before the text rule and every other interceptor: the year is judged before what was typed
        registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)
                || isRead(request)) {
            return true;
        }
        RefusedWhenClosed marked = method.getMethodAnnotation(RefusedWhenClosed.class);
        if (marked == null || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                instanceof Map<?, ?> variables)) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) variables;
        YearWriters writers = beans.getBean(marked.value());
        Cycle cycle;
        String year = path.get("year");
        if (year != null) {
            String digits = year.strip();
            if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) {
                return true; // answered as today: 400 for a malformed year (CycleArgumentResolver)
            }
            int parsed = Integer.parseInt(digits);
            cycle = cycles.byYear(parsed).orElseThrow(() -> NotFoundException.cycle(parsed));
        } else {
            // addressed by an id (a task's, an assessment's): its rule reads the year; an unknown id goes on (404)
            Optional<Cycle> found = writers.yearOf(path).flatMap(cycles::byYear);
            if (found.isEmpty()) {
                return true;
            }
            cycle = found.get();
        }
        if (!cycle.isClosed()) {
            return true;
        }
        if (!writers.mayWrite(currentUser(), cycle, path)) {
            return true; // someone who may not write at all is refused as today (403), never told more
        }
        ConflictException closed = new ConflictException(MESSAGE, 0);
        if (ApiProblems.isApi(request) || !showsItsForm(method)) {
            throw closed;
        }
        FormPage.refused(request, closed);
        return true;
    }

    /**
     * A page whose form Spring binds with a {@link BindingResult} is shown again by {@link FormPage} with the
     * refusal, whatever the binding found; any other (buttons and parameters read one by one, uploads read by
     * hand) is refused here: the error page with the message, as for a conflict its page does not answer.
     */
    private static boolean showsItsForm(HandlerMethod method) {
        for (var parameter : method.getMethodParameters()) {
            if (BindingResult.class.isAssignableFrom(parameter.getParameterType())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRead(HttpServletRequest request) {
        String verb = request.getMethod();
        return HttpMethod.GET.matches(verb) || HttpMethod.HEAD.matches(verb) || HttpMethod.OPTIONS.matches(verb);
    }

    private static CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}
