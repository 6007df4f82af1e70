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
 * a 500. The API's answers are {@link ApiExceptionHandler}'s.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageConflictAdvice {

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page(e.messageKey());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView duplicate(DataIntegrityViolationException e, HttpServletRequest request) {
        if (ApiProblems.isApi(request) || !UniqueViolations.isUniqueViolation(e)) {
            throw e;
        }
        return page("conflict.duplicate");
    }

    private static ModelAndView page(String messageKey) {
        ModelAndView page = new ModelAndView("error", HttpStatus.CONFLICT);
        page.addObject("status", 409);
        page.addObject("conflictMessage", messageKey);
        return page;
    }
}
