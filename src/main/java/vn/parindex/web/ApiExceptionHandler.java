package vn.parindex.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.parindex.system.BusyException;
import vn.parindex.system.ConflictException;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.NotFoundException;
import vn.parindex.system.UniqueViolations;

/**
 * Errors of the JSON API as RFC 9457 problem documents ({@code application/problem+json}), in Vietnamese unless
 * the request asks for English. Spring MVC's own exceptions (an unreadable body, a missing parameter, a value of
 * the wrong type, a method or content type not supported, failed validation) are answered by Spring's
 * {@link ResponseEntityExceptionHandler}, its titles and details from the message bundles
 * ({@code problemDetail.title.<exception class>}, {@code problemDetail.<exception class>}); this class adds what
 * clients rely on: {@code errors[]} with {@code field} and {@code message} for every field-level refusal (a JSON
 * property or a parameter of the wrong type included: never a null reaching a service), 413 for a body over the
 * limit, and the application's own refusals ({@link NotFoundException}, {@link InvalidInputException},
 * {@link ConflictException}, {@link BusyException}). Exceptions raised before a controller was chosen reach it
 * through {@link ApiErrorResolver}. Permission refusals (403) and missing credentials (401) are answered by the
 * security configuration.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    public ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, String detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(text(titleKey, locale));
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "error.404.title",
                messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale), locale);
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.400.title", text("error.400.text", locale),
                locale);
        problem.setProperty("errors", e.fieldErrors().entrySet().stream()
                .map(entry -> fieldError(entry.getKey(), text(entry.getValue(), locale))).toList());
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "error.409.title", text(e.messageKey(), locale),
                locale);
        problem.setProperty("currentVersion", e.currentVersion());
        if (!e.details().isEmpty()) {
            problem.setProperty("pending", e.details());
        }
        return problem;
    }

    /** Two parallel requests created the same thing (a unique rule of the database): the later one gets 409. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail duplicate(org.springframework.dao.DataIntegrityViolationException e, Locale locale) {
        if (!UniqueViolations.isUniqueViolation(e)) {
            throw e;
        }
        return problem(HttpStatus.CONFLICT, "error.409.title", text("conflict.duplicate", locale), locale);
    }

    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException e, Locale locale) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "error.429.title", text(e.messageKey(), locale),
                        locale));
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail concurrent(ObjectOptimisticLockingFailureException e, Locale locale) {
        return problem(HttpStatus.CONFLICT, "error.409.title", text("conflict.concurrent", locale), locale);
    }

    /** A multipart body that cannot be read (one over the upload limit is Spring's 413, below). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "error.400.title", text("error.400.multipart", locale), locale);
    }

    // Spring MVC's exceptions: what differs from ResponseEntityExceptionHandler's answers

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestLimits.causedByTooLarge(ex)) {
            return tooLarge(ex, "error.413.body", headers, request);
        }
        if (isEmptyBody(ex)) {
            ProblemDetail body = createProblemDetail(ex, status, "Required request body is missing",
                    "error.400.emptyBody", null, request);
            return handleExceptionInternal(ex, body, headers, status, request);
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        log.info("Refused with 413, a file over the upload limit: {}", request.getDescription(false));
        return tooLarge(ex, "error.413.upload", headers, request);
    }

    /** 413, and the connection closed: the client may still be sending the rest of the body. */
    private ResponseEntity<Object> tooLarge(Exception ex, String detailKey, HttpHeaders headers, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail body = problem(HttpStatus.CONTENT_TOO_LARGE, "error.413.title", text(detailKey, locale),
                locale);
        HttpHeaders answer = new HttpHeaders();
        answer.addAll(headers);
        answer.set(HttpHeaders.CONNECTION, "close");
        return handleExceptionInternal(ex, body, answer, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /**
     * Every problem of Spring's goes through here: a title or detail the bundles do not have becomes the status's
     * own (never Spring's English default or an exception's message), and a refusal about one field names it in
     * {@code errors[]}.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Locale locale = LocaleContextHolder.getLocale();
            if (!known(titleCode(ex), locale)) {
                problem.setTitle(statusText(status, "title", locale));
            }
            if (!known(detailCode(ex), locale)) {
                problem.setDetail(statusText(status, "text", locale));
            }
            List<Map<String, String>> errors = status.is4xxClientError() ? fieldErrors(ex, locale) : List.of();
            if (!errors.isEmpty()) {
                problem.setProperty("errors", errors);
            }
        }
        return super.handleExceptionInternal(ex, body, headers, status, request);
    }

    private boolean known(String code, Locale locale) {
        return code != null && messages.getMessage(code, null, null, locale) != null;
    }

    private static String titleCode(Exception ex) {
        if (ex instanceof ErrorResponse response) {
            return response.getTitleMessageCode();
        }
        return ErrorResponse.getDefaultTitleMessageCode(ex.getClass());
    }

    /** The detail's key, as {@link ResponseEntityExceptionHandler} asks for it. */
    private static String detailCode(Exception ex) {
        if (ex instanceof ErrorResponse response) {
            return response.getDetailMessageCode();
        }
        if (ex instanceof TypeMismatchException) {
            // ResponseEntityExceptionHandler resolves every type mismatch by this one code
            return ErrorResponse.getDefaultDetailMessageCode(TypeMismatchException.class, null);
        }
        return ErrorResponse.getDefaultDetailMessageCode(ex.getClass(), null);
    }

    private String statusText(HttpStatusCode status, String part, Locale locale) {
        String own = messages.getMessage("error." + status.value() + "." + part, null, null, locale);
        return own != null ? own : text("error.generic." + part, locale);
    }

    /** The fields a refusal is about, each with what is wrong with it, in the request's language. */
    private List<Map<String, String>> fieldErrors(Exception ex, Locale locale) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (ex instanceof MissingServletRequestParameterException missing) {
            errors.add(fieldError(missing.getParameterName(), text("error.400.fieldMissing", locale)));
        } else if (ex instanceof MissingServletRequestPartException missing) {
            errors.add(fieldError(missing.getRequestPartName(), text("error.400.fieldMissing", locale)));
        } else if (ex instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
            errors.add(fieldError(mismatch.getPropertyName(), text("error.400.fieldUnreadable", locale)));
        } else if (ex instanceof HttpMessageNotReadableException) {
            String field = jsonField(ex);
            if (field != null) {
                TextInputGuard.TextRuleViolation refused = textRefused(ex);
                errors.add(fieldError(field,
                        text(refused != null ? refused.messageKey() : "error.400.fieldUnreadable", locale)));
            }
        } else if (ex instanceof MethodArgumentNotValidException invalid) {
            for (FieldError error : invalid.getBindingResult().getFieldErrors()) {
                errors.add(fieldError(error.getField(), messages.getMessage(error, locale)));
            }
        } else if (ex instanceof HandlerMethodValidationException invalid) {
            invalid.getParameterValidationResults().forEach(result -> {
                if (result instanceof org.springframework.validation.method.ParameterErrors bound) {
                    bound.getFieldErrors().forEach(error -> errors.add(fieldError(error.getField(),
                            messages.getMessage(error, locale))));
                } else {
                    String name = parameterName(result.getMethodParameter());
                    result.getResolvableErrors().forEach(error -> errors.add(fieldError(name,
                            messages.getMessage(error, locale))));
                }
            });
        }
        return errors;
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /** The name a client knows a parameter by: its {@code @RequestParam}, {@code @PathVariable} or part name. */
    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
        if (part != null && !part.name().isEmpty()) {
            return part.name();
        }
        String name = parameter.getParameterName();
        return name != null ? name : "arg" + parameter.getParameterIndex();
    }

    /** The JSON property whose value could not be read (e.g. {@code "score": "abc"}), when known. */
    private static String jsonField(Exception e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof tools.jackson.core.JacksonException jackson && !jackson.getPath().isEmpty()) {
                // the innermost named property: a list's element is named by its list ("leadUnits")
                for (int i = jackson.getPath().size() - 1; i >= 0; i--) {
                    String name = jackson.getPath().get(i).getPropertyName();
                    if (name != null) {
                        return name.length() <= 64 && vn.parindex.system.TextRule.problem(name, false) == null
                                ? name : null;
                    }
                }
            }
        }
        return null;
    }

    /** The JSON string {@link vn.parindex.system.TextRule} refused, if that is why the body was unreadable. */
    private static TextInputGuard.TextRuleViolation textRefused(Exception e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof TextInputGuard.TextRuleViolation refused) {
                return refused;
            }
        }
        return null;
    }

    private static boolean isEmptyBody(Exception e) {
        String message = e.getMessage();
        return message != null && message.startsWith("Required request body is missing");
    }
}
