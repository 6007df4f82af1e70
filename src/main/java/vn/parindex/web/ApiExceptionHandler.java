package vn.parindex.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import vn.parindex.system.BusyException;
import vn.parindex.system.ConflictException;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.NotFoundException;
import vn.parindex.system.UniqueViolations;

/**
 * Errors of the JSON API as RFC 9457 problem documents ({@code application/problem+json}), in Vietnamese unless
 * the request asks for English. Permission refusals (403) and missing credentials (401) are answered by the
 * security configuration.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
public class ApiExceptionHandler {

    private final MessageSource messages;

    public ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
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
        List<Map<String, String>> errors = e.fieldErrors().entrySet().stream()
                .map(entry -> Map.of("field", entry.getKey(), "message", text(entry.getValue(), locale)))
                .toList();
        problem.setProperty("errors", errors);
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
    org.springframework.http.ResponseEntity<ProblemDetail> busy(BusyException e, Locale locale) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "error.429.title", text(e.messageKey(), locale),
                        locale));
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail concurrent(ObjectOptimisticLockingFailureException e, Locale locale) {
        return problem(HttpStatus.CONFLICT, "error.409.title", text("conflict.concurrent", locale), locale);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class})
    org.springframework.http.ResponseEntity<ProblemDetail> unreadable(Exception e, Locale locale) {
        if (RequestLimits.causedByTooLarge(e)) {
            return org.springframework.http.ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .header("Connection", "close")
                    .body(problem(HttpStatus.CONTENT_TOO_LARGE, "error.413.title", text("error.413.body", locale),
                            locale));
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.400.title",
                text(e instanceof HttpMessageNotReadableException && isEmptyBody(e) ? "error.400.emptyBody"
                        : "error.400.unreadable", locale), locale);
        String field = field(e);
        if (field != null) {
            TextInputGuard.TextRuleViolation refused = textRefused(e);
            problem.setProperty("errors", List.of(Map.of("field", field, "message",
                    text(refused != null ? refused.messageKey() : "error.400.fieldUnreadable", locale))));
        }
        return org.springframework.http.ResponseEntity.badRequest().body(problem);
    }

    /** The JSON property whose value could not be read (e.g. {@code "score": "abc"}), when known. */
    private static String field(Exception e) {
        if (e instanceof MissingServletRequestPartException part) {
            return part.getRequestPartName();
        }
        if (e instanceof MissingServletRequestParameterException parameter) {
            return parameter.getParameterName();
        }
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

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e,
            Locale locale) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .header("Connection", "close")
                .body(problem(HttpStatus.CONTENT_TOO_LARGE, "error.413.title", text("error.413.upload", locale),
                        locale));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "error.400.title",
                text("error.400.parameter", locale, String.valueOf(e.getValue()), e.getName()), locale);
    }
}
