package vn.parindex.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Something asked for does not exist: 404, with a message for people. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    /** The cycle of the given year does not exist. */
    public static NotFoundException cycle(int year) {
        return new NotFoundException("Không có kỳ đánh giá năm " + year);
    }
}
