package vn.parindex.assessment;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The forms of a criterion's page, as typed: bound by Spring (or, for the submission with its files, read from
 * the request once the permission is checked) and shown again with the service's messages next to their fields.
 */
final class CriterionForms {

    private CriterionForms() {
    }

    /**
     * A self-assessment with the details of the documents sent with it (number, date of issue dd/MM/yyyy, summary).
     * {@code files} is not bound (the documents are streamed, {@link vn.parindex.evidence.Uploads}); the property only carries their error
     * to the file field.
     */
    public record SubmitForm(String score, String comment, String documentNumber, String issuedOn, String summary) {

        static final SubmitForm EMPTY = new SubmitForm("", "", "", "", "");

        /** Reads the typed fields of an opened multipart request. */
        static SubmitForm of(HttpServletRequest request) {
            return new SubmitForm(request.getParameter("score"), request.getParameter("comment"),
                    request.getParameter("documentNumber"), request.getParameter("issuedOn"),
                    request.getParameter("summary"));
        }

        public String getFiles() {
            return null;
        }
    }

    /** Approving or returning a submission: the reviewer's comment and the version the page showed. */
    public record ReviewForm(String comment, Long version) {

        static final ReviewForm EMPTY = new ReviewForm("", null);
    }

    /** A direct correction of scores; a blank box means "leave unchanged". */
    public record ScoresForm(String baselineScore, String targetScore, String currentScore, String comment,
            Long version) {

        static final ScoresForm EMPTY = new ScoresForm("", "", "", "", null);
    }

    /** Home Affairs changes how the criterion is scored: the method, an optional reason, the version shown. */
    public record ScoringMethodForm(String scoringMethod, String reason, Long version) {
    }

    /**
     * The units named on the criterion: none as lead means "as the parent"; {@code allCommunes}: every commune
     * coordinates (an unticked box sends nothing: false, since the form always offers the box where it may be set).
     */
    public record AssignmentForm(List<String> leadUnits, List<String> coordinatingUnits, Boolean allCommunes,
            String comment, Long version) {
    }
}
