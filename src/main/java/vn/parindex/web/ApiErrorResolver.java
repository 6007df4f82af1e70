package vn.parindex.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Errors of the JSON API that no {@code @RestController} raised, so that {@link ApiExceptionHandler} (an advice of
 * those controllers) is not asked by Spring: those before a controller is chosen (no such path, wrong method,
 * wrong content type), while a multipart body is read, or in an API download served by a plain controller. They
 * are answered by the same handler ({@link ApiExceptionHandler#handleException}, Spring's
 * {@code ResponseEntityExceptionHandler}) and written by {@link ApiProblems}. Pages keep their error pages.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorResolver implements WebMvcConfigurer {

    private final ObjectProvider<ApiExceptionHandler> handler;
    private final ObjectProvider<ApiProblems> problems;

    ApiErrorResolver(ObjectProvider<ApiExceptionHandler> handler, ObjectProvider<ApiProblems> problems) {
        this.handler = handler;
        this.problems = problems;
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, this::resolve);
    }

    private ModelAndView resolve(HttpServletRequest request, HttpServletResponse response, Object handlerUsed,
            Exception e) {
        if (response.isCommitted()) {
            return null;
        }
        if (!ApiProblems.isApi(request)) {
            // a page form whose multipart body cannot be read: the 400 page, not a 500
            if (e instanceof MultipartException && !(e instanceof MaxUploadSizeExceededException)) {
                try {
                    response.sendError(400);
                    return new ModelAndView();
                } catch (IOException io) {
                    return null;
                }
            }
            return null;
        }
        if (handlerUsed instanceof HandlerMethod method
                && method.getBeanType().isAnnotationPresent(RestController.class)) {
            return null; // the advice answers for its controllers
        }
        ApiExceptionHandler answers = handler.getObject();
        ResponseEntity<?> answer;
        try {
            if (e instanceof MultipartException multipart && !(e instanceof MaxUploadSizeExceededException)) {
                answer = ResponseEntity.badRequest().body(answers.multipart(multipart,
                        LocaleContextHolder.getLocale()));
            } else {
                answer = answers.handleException(e, new ServletWebRequest(request, response));
            }
        } catch (Exception notSpringsOwn) {
            return null; // not one of Spring MVC's exceptions: the other resolvers decide
        }
        try {
            if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
                problems.getObject().write(response, problem, answer.getHeaders(), LocaleContextHolder.getLocale());
            } else if (answer != null) {
                response.setStatus(answer.getStatusCode().value());
            }
        } catch (IOException io) {
            return null;
        }
        return new ModelAndView();
    }
}
