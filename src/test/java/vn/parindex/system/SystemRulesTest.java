package vn.parindex.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.util.unit.DataSize;

/**
 * The small rules of {@code system} every service leans on (no Spring): field errors and the exception they become,
 * a broken unique rule recognised through its causes, not-found and conflict answers, and the two setting checks.
 */
class SystemRulesTest {

    @Test
    void noErrorsRefusesNothing() {
        FieldErrors errors = new FieldErrors();
        assertThat(errors.has("name")).isFalse();
        assertThatCode(errors::throwIfAny).doesNotThrowAnyException();
    }

    @Test
    void everyFieldKeepsItsFirstErrorAndAllFieldsAreRefusedTogether() {
        FieldErrors errors = new FieldErrors().add("name", "unit.name.required").add("code", "unit.code.invalid")
                .add("name", "unit.name.tooLong");
        assertThat(errors.has("name")).isTrue();
        assertThat(errors.has("code")).isTrue();
        assertThat(errors.has("title")).isFalse();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, errors::throwIfAny);
        assertThat(e.fieldErrors()).containsExactlyInAnyOrderEntriesOf(
                Map.of("name", "unit.name.required", "code", "unit.code.invalid"));
    }

    @Test
    void aCommentIsRefusedOnlyAboveItsLimit() {
        String longest = "x".repeat(FieldErrors.MAX_COMMENT_LENGTH);
        assertThat(new FieldErrors().commentLength("comment", longest).has("comment")).isFalse();
        assertThat(new FieldErrors().commentLength("comment", null).has("comment")).isFalse();
        assertThat(new FieldErrors().commentLength("comment", "").has("comment")).isFalse();
        FieldErrors tooLong = new FieldErrors().commentLength("reason", longest + "y");
        assertThat(tooLong.has("reason")).isTrue();
        assertThat(catchThrowableOfType(InvalidInputException.class, tooLong::throwIfAny).fieldErrors())
                .containsExactly(Map.entry("reason", "comment.tooLong"));
        // the comment's limit is stricter than the floor for every multi-line text
        assertThat(FieldErrors.MAX_COMMENT_LENGTH).isLessThan(TextRule.MAX_TEXT_LENGTH);
    }

    @Test
    void anErrorAddedBeforeTheLengthCheckIsKept() {
        FieldErrors errors = new FieldErrors().add("comment", "comment.required")
                .commentLength("comment", "x".repeat(FieldErrors.MAX_COMMENT_LENGTH + 1));
        assertThat(catchThrowableOfType(InvalidInputException.class, errors::throwIfAny).fieldErrors())
                .containsExactly(Map.entry("comment", "comment.required"));
    }

    @Test
    void invalidInputKeepsACopyOfItsFields() {
        Map<String, String> fields = new java.util.HashMap<>(Map.of("percent", "task.percent.range"));
        InvalidInputException e = new InvalidInputException(fields);
        fields.put("note", "text.tooLong");
        assertThat(e.fieldErrors()).containsExactly(Map.entry("percent", "task.percent.range"));
        assertThat(InvalidInputException.of("file", "evidence.required").fieldErrors())
                .containsExactly(Map.entry("file", "evidence.required"));
    }

    @Test
    void aUniqueViolationIsFoundAnywhereAmongTheCauses() {
        SQLException unique = new SQLException("duplicate key", UniqueViolations.SQLSTATE);
        assertThat(UniqueViolations.isUniqueViolation(unique)).isTrue();
        assertThat(UniqueViolations.isUniqueViolation(new DataIntegrityViolationException("x",
                new RuntimeException("wrapped", unique)))).isTrue();
        assertThat(UniqueViolations.isUniqueViolation(new org.hibernate.exception.ConstraintViolationException(
                "duplicate", new SQLException("duplicate", "23505"), "unit_code_key"))).isTrue();
    }

    @Test
    void otherBrokenRulesAndNoCauseAreNotUniqueViolations() {
        // 23503: foreign key, 23514: check, 23502: not null; none is a parallel duplicate
        for (String state : List.of("23503", "23514", "23502", "40001")) {
            assertThat(UniqueViolations.isUniqueViolation(new DataIntegrityViolationException("x",
                    new SQLException("broken", state)))).as(state).isFalse();
        }
        assertThat(UniqueViolations.isUniqueViolation(new SQLException("no state"))).isFalse();
        assertThat(UniqueViolations.isUniqueViolation(new IllegalStateException("plain"))).isFalse();
        assertThat(UniqueViolations.isUniqueViolation(null)).isFalse();
    }

    @Test
    void aCauseThatIsItselfEndsTheSearch() {
        RuntimeException loop = new RuntimeException("loop") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };
        assertThat(UniqueViolations.isUniqueViolation(loop)).isFalse();
    }

    @Test
    void notFoundNamesItsKeyAndArgumentsAndCutsALongCode() {
        NotFoundException cycle = NotFoundException.cycle(2031);
        assertThat(cycle.messageKey()).isEqualTo("notFound.cycle");
        assertThat(cycle.arguments()).containsExactly(2031);
        assertThat(NotFoundException.noCycle().arguments()).isEmpty();
        NotFoundException criterion = NotFoundException.criterion(2023, "1.1");
        assertThat(criterion.messageKey()).isEqualTo("notFound.criterion");
        assertThat(criterion.arguments()).containsExactly("1.1", 2023);
        String code = "9".repeat(100);
        Object shown = NotFoundException.criterion(2023, code).arguments()[0];
        assertThat((String) shown).hasSize(41).startsWith("9".repeat(40)).endsWith("…");
        assertThat(NotFoundException.criterion(2023, "9".repeat(40)).arguments()[0]).isEqualTo("9".repeat(40));
        assertThat(NotFoundException.criterion(2023, null).arguments()[0]).isEqualTo("");
        // what the caller gets is a copy
        criterion.arguments()[0] = "changed";
        assertThat(criterion.arguments()[0]).isEqualTo("1.1");
    }

    @Test
    void aConflictCarriesItsKeyTheCurrentVersionAndACopyOfItsDetails() {
        List<String> details = new java.util.ArrayList<>(List.of("1.1"));
        ConflictException e = new ConflictException("conflict.unitInUse", 7, details);
        details.add("1.2");
        assertThat(e.messageKey()).isEqualTo("conflict.unitInUse");
        assertThat(e.currentVersion()).isEqualTo(7);
        assertThat(e.details()).containsExactly("1.1");
        assertThat(new ConflictException("conflict.cycleClosed", 0).details()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 30 1 * * *", "0 0 7 * * MON-FRI", "-", "0 */15 * * * *", "@daily"})
    void cronSchedulesThatAreAccepted(String value) {
        assertThat(new CronSchedule.Check().isValid(value, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "30 1 * * *", "0 60 1 * * *", "0 30 25 * * *", "never", "--", "0 30 1 * * * *"})
    void cronSchedulesThatAreRefused(String value) {
        assertThat(new CronSchedule.Check().isValid(value, null)).isFalse();
    }

    @Test
    void anAbsentCronScheduleIsLeftToNotNull() {
        assertThat(new CronSchedule.Check().isValid(null, null)).isTrue();
    }

    @PositiveSize(max = 1024)
    private static final Object LIMITED = null;

    @PositiveSize
    private static final Object UNLIMITED = null;

    @Test
    void aSizeIsAtLeastOneByteAndAtMostItsMaximum() throws Exception {
        PositiveSize.Check limited = check("LIMITED");
        assertThat(limited.isValid(DataSize.ofBytes(1), null)).isTrue();
        assertThat(limited.isValid(DataSize.ofKilobytes(1), null)).isTrue();
        assertThat(limited.isValid(DataSize.ofBytes(1025), null)).isFalse();
        assertThat(limited.isValid(DataSize.ofBytes(0), null)).isFalse();
        assertThat(limited.isValid(DataSize.ofBytes(-1), null)).isFalse();
        assertThat(limited.isValid(null, null)).isTrue();
        PositiveSize.Check unlimited = check("UNLIMITED");
        assertThat(unlimited.isValid(DataSize.ofTerabytes(1), null)).isTrue();
        assertThat(unlimited.isValid(DataSize.ofBytes(0), null)).isFalse();
    }

    private static PositiveSize.Check check(String field) throws NoSuchFieldException {
        PositiveSize.Check check = new PositiveSize.Check();
        check.initialize(SystemRulesTest.class.getDeclaredField(field).getAnnotation(PositiveSize.class));
        return check;
    }

    @Test
    void invalidInputKeepsTheOrderTheFieldsWereChecked() {
        java.util.LinkedHashMap<String, String> found = new java.util.LinkedHashMap<>();
        for (String field : List.of("score", "comment", "documentNumber", "issuedOn", "summary", "a", "b", "c")) {
            found.put(field, field + ".bad");
        }
        InvalidInputException e = new InvalidInputException(found);
        assertThat(e.fieldErrors().keySet()).containsExactly("score", "comment", "documentNumber", "issuedOn",
                "summary", "a", "b", "c");
    }
}
