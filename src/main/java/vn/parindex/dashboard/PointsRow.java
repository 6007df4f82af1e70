package vn.parindex.dashboard;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.parindex.criteria.UnitRef;
import vn.parindex.assessment.AssessmentStatus;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.web.VietnameseNumbers;

/**
 * One line of the points page, with everything the template shows already written out: the template reads a few
 * properties per row instead of calling the number formatter, joining unit names and looking statuses up in a map
 * (each of those a SpEL method call through Thymeleaf's restricted-expression checks, per row).
 *
 * @param amount the points written the Vietnamese way (recoverable, or remaining to target)
 * @param leads the lead units' names joined with "; " (blank for a survey criterion, which shows its badge)
 * @param statusKey the message key of the latest assessment's status, or null when nothing was submitted
 */
public record PointsRow(String code, String name, String amount, boolean survey, String leads, String statusKey) {

    static List<PointsRow> of(List<ScoreRow> rows, boolean recoverable, Map<Long, AssessmentStatus> statuses,
            VietnameseNumbers fmt) {
        return rows.stream().map(r -> {
            AssessmentStatus status = statuses.get(r.criterion().id());
            return new PointsRow(r.code(), r.criterion().name(),
                    fmt.score(recoverable ? r.figures().recoverable() : r.figures().remainingToTarget()),
                    r.criterion().isSurvey(), names(r.criterion().leadUnits()),
                    status == null ? null : "assessment.status." + status.name());
        }).toList();
    }

    static String names(List<UnitRef> units) {
        return units.stream().map(UnitRef::name).collect(Collectors.joining("; "));
    }
}
