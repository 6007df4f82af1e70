package vn.parindex.imports;

/**
 * One thing wrong with an imported table, named by line (1 = the header) and column.
 *
 * @param line the line of the file the record starts on
 * @param column the column's name as in the header
 * @param kind what is wrong, for programs
 * @param message what is wrong, for people (Vietnamese)
 */
public record ImportProblem(int line, String column, Kind kind, String message) {

    /** What can be wrong with a plan table. */
    public enum Kind {
        UNREADABLE, MISSING_COLUMN, WRONG_FIELD_COUNT, MISSING_VALUE, INVALID_CODE, DUPLICATE_CODE, MISSING_PARENT,
        NOT_A_NUMBER, TOO_MANY_DECIMALS, ABOVE_MAXIMUM, UNKNOWN_UNIT, NO_DOMAINS, CYCLE_EXISTS, FORMULA,
        UNKNOWN_COLUMN, PARTS_EXCEED_MAXIMUM, UNKNOWN_CODE, DIFFERENT_MAXIMUM, CYCLE_CLOSED, NO_CYCLE, REASON_REQUIRED,
        TEXT_TOO_LONG, FORBIDDEN_CHARACTER, TOO_MANY_ROWS, UNKNOWN_LEVEL, UNKNOWN_KIND, CODE_IN_USE, INVALID_EMAIL
    }

    @Override
    public String toString() {
        return "Dòng " + line + ", cột " + column + ": " + message;
    }
}
