package vn.parindex.evidence;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import vn.parindex.system.FieldErrors;

/**
 * How offices identify a document (issue 12), given with an upload and stored with each of its files: the number and
 * symbol (số, ký hiệu: {@code 125/KH-UBND}), the date of issue (ngày ban hành) and the summary (trích yếu). Each is
 * optional; text is trimmed (blank is none), one line, bounded; the date is not before 2000 nor after today (in
 * Vietnam). Checked here only: a value of this type is valid (the constructor refuses anything else with
 * {@link vn.parindex.system.InvalidInputException}, fields {@code documentNumber}, {@code issuedOn}, {@code summary}).
 */
public record DocumentDetails(String number, LocalDate issuedOn, String summary) {

    public static final int MAX_NUMBER = 100;
    public static final int MAX_SUMMARY = 1000;
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final DocumentDetails NONE = new DocumentDetails(null, null, null);

    /** How pages show and read a date of issue. */
    public static final DateTimeFormatter PAGE_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter PAGE_DATE_TYPED = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter API_DATE = DateTimeFormatter.ISO_LOCAL_DATE
            .withResolverStyle(ResolverStyle.STRICT);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public DocumentDetails {
        FieldErrors errors = new FieldErrors();
        number = line(number, "documentNumber", MAX_NUMBER, errors);
        summary = line(summary, "summary", MAX_SUMMARY, errors);
        checkDate(issuedOn, errors);
        errors.throwIfAny();
    }

    /** As typed on a page: the date as dd/MM/yyyy (one-digit day and month too). Every problem at once. */
    public static DocumentDetails fromPage(String number, String issuedOn, String summary) {
        return parse(number, issuedOn, summary, PAGE_DATE_TYPED, "evidence.issuedOn.format");
    }

    /** As sent to the API: the date as yyyy-MM-dd. Every problem at once. */
    public static DocumentDetails fromApi(String number, String issuedOn, String summary) {
        return parse(number, issuedOn, summary, API_DATE, "evidence.issuedOn.formatIso");
    }

    private static DocumentDetails parse(String number, String issuedOn, String summary, DateTimeFormatter format,
            String formatKey) {
        FieldErrors errors = new FieldErrors();
        String n = line(number, "documentNumber", MAX_NUMBER, errors);
        String s = line(summary, "summary", MAX_SUMMARY, errors);
        LocalDate date = null;
        String typed = issuedOn == null ? "" : issuedOn.strip();
        if (!typed.isEmpty()) {
            try {
                date = typed.length() > 10 ? null : LocalDate.parse(typed, format);
            } catch (DateTimeParseException e) {
                date = null;
            }
            if (date == null) {
                errors.add("issuedOn", formatKey);
            }
        }
        checkDate(date, errors);
        errors.throwIfAny();
        return new DocumentDetails(n, date, s);
    }

    /** Whether nothing was given. */
    public boolean isEmpty() {
        return number == null && issuedOn == null && summary == null;
    }

    /** The date of issue as pages show it (dd/MM/yyyy), or an empty text. */
    public String issuedOnText() {
        return issuedOn == null ? "" : PAGE_DATE.format(issuedOn);
    }

    /** The date of issue as pages show it (dd/MM/yyyy), or an empty text. */
    public static String pageDate(LocalDate date) {
        return date == null ? "" : PAGE_DATE.format(date);
    }

    private static String line(String text, String field, int max, FieldErrors errors) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() > max) {
            errors.add(field, "evidence." + field + ".tooLong");
        } else if (t.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(field, "evidence." + field + ".invalid");
        }
        return t;
    }

    private static void checkDate(LocalDate date, FieldErrors errors) {
        if (date == null) {
            return;
        }
        if (date.isBefore(EARLIEST)) {
            errors.add("issuedOn", "evidence.issuedOn.tooEarly");
        } else if (date.isAfter(LocalDate.now(VIETNAM))) {
            errors.add("issuedOn", "evidence.issuedOn.future");
        }
    }
}
