package vn.parindex.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import vn.parindex.system.ConflictException;
import vn.parindex.system.UniqueViolations;

/**
 * Pages: a conflict a controller did not answer itself (e.g. two administrators creating the same account at the
 * same moment, the database's unique rule refusing the second) is the error page (status 409) with its message, not
 * a 500; something that does not exist is 404. The API's answers are {@link ApiExceptionHandler}'s.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageConflictAdvice {

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page(e.messageKey());
    }

    /**
     * Something asked for does not exist: status 404 through the container's error handling, as for an unknown
     * address (the error page, or a problem document for an API request that no {@code @RestController} answered,
     * e.g. a download).
     */
    @ExceptionHandler(vn.parindex.system.NotFoundException.class)
    ModelAndView notFound(vn.parindex.system.NotFoundException e, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
        return new ModelAndView();
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView duplicate(DataIntegrityViolationException e, HttpServletRequest request) {
        if (ApiProblems.isApi(request) || !UniqueViolations.isUniqueViolation(e)) {
            throw e;
        }
        return page("conflict.duplicate");
    }

    /**
     * Input refused before any controller saw it ({@link TextInputGuard}: a parameter breaking the text rule), or
     * that a controller did not answer itself: the error page with status 400, nothing changed.
     */
    @ExceptionHandler(vn.parindex.system.InvalidInputException.class)
    ModelAndView invalid(vn.parindex.system.InvalidInputException e, HttpServletRequest request) {
        if (ApiProblems.isApi(request)) {
            throw e;
        }
        ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
        page.addObject("status", 400);
        page.addObject("invalidInput", java.util.List.copyOf(new java.util.LinkedHashSet<>(e.fieldErrors().values())));
        return page;
    }

    private static ModelAndView page(String messageKey) {
        ModelAndView page = new ModelAndView("error", HttpStatus.CONFLICT);
        page.addObject("status", 409);
        page.addObject("conflictMessage", messageKey);
        return page;
    }
}
