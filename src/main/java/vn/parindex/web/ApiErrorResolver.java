package vn.parindex.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of the JSON API that happen before a controller is chosen (no such path, wrong method, wrong content
 * type) or while a multipart body is read, as problem documents in the caller's language. Pages keep their error
 * pages.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorResolver implements WebMvcConfigurer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiErrorResolver.class);

    private final ApiProblems problems;

    ApiErrorResolver(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, this::resolve);
    }

    private ModelAndView resolve(HttpServletRequest request, HttpServletResponse response, Object handler,
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
        var locale = LocaleConfiguration.apiLocale(request);
        try {
            if (e instanceof HttpRequestMethodNotSupportedException m) {
                Set<HttpMethod> allowed = m.getSupportedHttpMethods();
                if (allowed != null && !allowed.isEmpty()) {
                    response.setHeader("Allow", String.join(", ", allowed.stream().map(HttpMethod::name).toList()));
                }
                problems.write(response, 405, "error.405.title", "error.405.detail", locale, m.getMethod());
            } else if (e instanceof HttpMediaTypeNotSupportedException m) {
                String accepted = String.join(", ", m.getSupportedMediaTypes().stream().map(Object::toString)
                        .toList());
                if (!accepted.isEmpty()) {
                    response.setHeader("Accept", accepted);
                }
                problems.write(response, 415, "error.415.title", "error.415.detail", locale,
                        m.getContentType() == null ? "-" : m.getContentType().toString(),
                        accepted.isEmpty() ? "application/json" : accepted);
            } else if (e instanceof HttpMediaTypeNotAcceptableException) {
                problems.write(response, 406, "error.406.title", "error.406.text", locale);
            } else if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
                problems.write(response, 404, "error.404.title", "error.404.text", locale);
            } else if (e instanceof MaxUploadSizeExceededException) {
                log.info("Refused with 413, a file over the upload limit: {} {}", request.getMethod(),
                        request.getRequestURI());
                response.setHeader("Connection", "close");
                problems.write(response, 413, "error.413.title", "error.413.upload", locale);
            } else if (e instanceof MultipartException) {
                problems.write(response, 400, "error.400.title", "error.400.multipart", locale);
            } else {
                return null;
            }
        } catch (IOException io) {
            return null;
        }
        return new ModelAndView();
    }
}
