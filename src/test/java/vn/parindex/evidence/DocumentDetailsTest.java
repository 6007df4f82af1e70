package vn.parindex.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.parindex.system.InvalidInputException;

/**
 * A document's number, date of issue and summary (issue 12), as a plain value: what pages and the API accept, and
 * for each bad value the field and the message key (every problem at once), with no database and no Spring.
 */
class DocumentDetailsTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** The field errors {@code call} is refused with. */
    static Map<String, String> refused(Runnable call) {
        try {
            call.run();
        } catch (InvalidInputException e) {
            return e.fieldErrors();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aPageTakesTheDateAsOfficesWriteItOneDigitDaysAndMonthsToo() {
        DocumentDetails details = DocumentDetails.fromPage("  125/KH-UBND ", "5/3/2023", " Kế hoạch CCHC năm 2023 ");
        assertThat(details.number()).isEqualTo("125/KH-UBND");
        assertThat(details.issuedOn()).isEqualTo(LocalDate.of(2023, 3, 5));
        assertThat(details.summary()).isEqualTo("Kế hoạch CCHC năm 2023");
        assertThat(details.issuedOnText()).isEqualTo("05/03/2023");
        assertThat(DocumentDetails.fromPage(null, "05/03/2023", null).issuedOn()).isEqualTo(LocalDate.of(2023, 3, 5));
        assertThat(details.isEmpty()).isFalse();
    }

    @Test
    void theApiTakesIsoDates() {
        DocumentDetails details = DocumentDetails.fromApi("07/QĐ-UBND", "2023-01-10", null);
        assertThat(details.issuedOn()).isEqualTo(LocalDate.of(2023, 1, 10));
        assertThat(details.summary()).isNull();
        assertThat(refused(() -> DocumentDetails.fromApi(null, "10/01/2023", null)))
                .containsExactly(Map.entry("issuedOn", "evidence.issuedOn.formatIso"));
        assertThat(refused(() -> DocumentDetails.fromPage(null, "2023-01-10", null)))
                .containsExactly(Map.entry("issuedOn", "evidence.issuedOn.format"));
    }

    @Test
    void blankIsNone() {
        DocumentDetails none = DocumentDetails.fromPage(" ", "", "\t");
        assertThat(none.isEmpty()).isTrue();
        assertThat(none).isEqualTo(DocumentDetails.NONE);
        assertThat(none.issuedOnText()).isEmpty();
        assertThat(DocumentDetails.fromApi(null, null, null).isEmpty()).isTrue();
        assertThat(DocumentDetails.pageDate(null)).isEmpty();
        assertThat(DocumentDetails.pageDate(LocalDate.of(2023, 12, 31))).isEqualTo("31/12/2023");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30/02/2023", "31/04/2023", "2023-13-45", "45/13/2023", "1/1/23", "ngày 5", "05/03/2023 ",
            "05/03/20233", "0/3/2023", "5.3.2023"})
    void aDateThatIsNotOneIsRefused(String typed) {
        if (typed.equals("05/03/2023 ")) {
            // surrounding blanks are trimmed, as for the texts
            assertThat(DocumentDetails.fromPage(null, typed, null).issuedOn()).isEqualTo(LocalDate.of(2023, 3, 5));
            return;
        }
        assertThat(refused(() -> DocumentDetails.fromPage(null, typed, null)))
                .containsExactly(Map.entry("issuedOn", "evidence.issuedOn.format"));
    }

    @Test
    void aDateBefore2000OrAfterTodayIsRefused() {
        assertThat(refused(() -> DocumentDetails.fromPage(null, "31/12/1999", null)))
                .containsExactly(Map.entry("issuedOn", "evidence.issuedOn.tooEarly"));
        assertThat(DocumentDetails.fromPage(null, "1/1/2000", null).issuedOn()).isEqualTo(DocumentDetails.EARLIEST);
        String tomorrow = TODAY.plusDays(1).toString();
        assertThat(refused(() -> DocumentDetails.fromApi(null, tomorrow, null)))
                .containsExactly(Map.entry("issuedOn", "evidence.issuedOn.future"));
        assertThat(DocumentDetails.fromApi(null, TODAY.toString(), null).issuedOn()).isEqualTo(TODAY);
        // the constructor checks the same, for values made in code
        assertThatThrownBy(() -> new DocumentDetails(null, LocalDate.of(1999, 1, 1), null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void textsAreOneLineAndBounded() {
        assertThat(DocumentDetails.fromPage("x".repeat(DocumentDetails.MAX_NUMBER), null,
                "y".repeat(DocumentDetails.MAX_SUMMARY)).number()).hasSize(DocumentDetails.MAX_NUMBER);
        assertThat(refused(() -> DocumentDetails.fromPage("x".repeat(DocumentDetails.MAX_NUMBER + 1), null, null)))
                .containsExactly(Map.entry("documentNumber", "evidence.documentNumber.tooLong"));
        assertThat(refused(() -> DocumentDetails.fromPage(null, null, "y".repeat(DocumentDetails.MAX_SUMMARY + 1))))
                .containsExactly(Map.entry("summary", "evidence.summary.tooLong"));
        assertThat(refused(() -> DocumentDetails.fromPage("125/KH\nUBND", null, null)))
                .containsExactly(Map.entry("documentNumber", "evidence.documentNumber.invalid"));
        assertThat(refused(() -> DocumentDetails.fromPage(null, null, "Kế hoạch\u0000")))
                .containsExactly(Map.entry("summary", "evidence.summary.invalid"));
    }

    @Test
    void everyProblemIsToldAtOnce() {
        Map<String, String> errors = refused(() -> DocumentDetails.fromPage("a\tb", "32/01/2023", "c\rd"));
        assertThat(errors).containsOnlyKeys("documentNumber", "issuedOn", "summary");
        assertThat(errors.get("issuedOn")).isEqualTo("evidence.issuedOn.format");
    }
}
