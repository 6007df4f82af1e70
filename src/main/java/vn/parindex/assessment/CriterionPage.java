package vn.parindex.assessment;

import java.util.List;
import vn.parindex.criteria.UnitChoice;
import vn.parindex.history.ReadableHistory;

/**
 * Everything a criterion's page shows, read in one transaction ({@link CriterionPages#page}) and ready to print:
 * numbers and moments already written the Vietnamese way, unit names already joined, so that the template only
 * reads properties.
 *
 * @param parentCode the parent's code, null for a domain
 * @param leadUnits the effective lead units' names joined with "; "
 * @param coordinatingUnits the coordinating units' names joined with "; ", empty when there are none
 * @param leaf whether the criterion has no parts (only such a criterion is assessed)
 * @param parts for a criterion with parts: every node below it, with its latest assessment's status
 * @param units for those who may assign units: every unit with whether it is named here directly
 * @param scoringMethod the {@link vn.parindex.criteria.ScoringMethod}'s name
 * @param canChangeScoringMethod Home Affairs, on a criterion without parts, in an open cycle
 * @param allCommunes whether the criterion names every commune as coordinating unit
 * @param offerAllCommunes whether the assignment form offers "all communes": Home Affairs, in a body with communes
 *     (or on a criterion that names them, to clear it)
 */
public record CriterionPage(int year, int baselineYear, String code, String name, boolean survey, String weakness,
        long version, String parentCode, String parentName, FigureTexts figures, String leadUnits,
        boolean leadUnitsInherited, String coordinatingUnits, boolean leaf, List<Part> parts, List<TrendRow> trend,
        List<ThreadItem> thread, List<EvidenceRow> evidence, List<ReadableHistory.Line> history, boolean canSubmit,
        boolean canReview, boolean canEditScores, boolean leads, boolean coordinates, long maxFileSizeMb,
        List<UnitChoice> units, List<vn.parindex.tasks.TaskService.TaskLine> tasks, String scoringMethod,
        boolean canChangeScoringMethod, boolean allCommunes, boolean offerAllCommunes) {

    /** The criterion's figures as printed; {@code current} and {@code currentPercent} null until assessed. */
    public record FigureTexts(String max, String baseline, String baselinePercent, String target,
            String targetPercent, String current, String currentPercent, String plannedGain, String remaining,
            String recoverable, String appraised, String appraisalDifference) {
    }

    /** A node below the criterion, as a row of the parts table; {@code current} is "—" until assessed. */
    public record Part(String code, String name, String href, boolean survey, String weakness, String max,
            String baseline, String target, String current, String remaining, String leadUnits,
            AssessmentStatus status) {
    }

    /** The criterion in one cycle on record; absent figures are "—". */
    public record TrendRow(int year, boolean shown, String name, String max, int baselineYear, String baseline,
            String target, String current, String code) {
    }

    /** An assessment of the thread with the documents sent with it. */
    public record ThreadItem(long id, AssessmentStatus status, String score, String submittedBy,
            String submittedAt, String explanation, List<EvidenceRow> files, String reviewedBy, String reviewedAt,
            String reviewComment, long version, boolean reviewable) {

        /** The message key saying who reviewed it and when. */
        public String reviewedKey() {
            return "assessment.reviewed." + status.name();
        }
    }

    /**
     * An evidence document's description; {@code shortSha256} is the first 16 digits and an ellipsis;
     * {@code documentNumber}, {@code issuedOn} (dd/MM/yyyy) and {@code summary} are empty when not given.
     */
    public record EvidenceRow(long id, Long assessmentId, String fileName, String size, String uploadedBy,
            String uploadedAt, String sha256, String shortSha256, String documentNumber, String issuedOn,
            String summary) {
    }

    /** The assignment form as it starts: the units named here directly ticked, the current version. */
    public CriterionForms.AssignmentForm assignmentForm() {
        return new CriterionForms.AssignmentForm(units.stream().filter(UnitChoice::lead).map(UnitChoice::code)
                .toList(), units.stream().filter(UnitChoice::coordinating).map(UnitChoice::code).toList(),
                allCommunes, "", version);
    }

    /** The scoring method form as it starts: the current method, the current version. */
    public CriterionForms.ScoringMethodForm scoringMethodForm() {
        return new CriterionForms.ScoringMethodForm(scoringMethod, "", version);
    }
}
