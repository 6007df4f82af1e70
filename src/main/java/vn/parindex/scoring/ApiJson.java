package vn.parindex.scoring;

import java.math.BigDecimal;
import java.util.List;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.ScoringMethod;
import vn.parindex.criteria.UnitRef;

/** A criterion in the JSON API, with its figures. */
public final class ApiJson {

    private ApiJson() {
    }

    public record UnitJson(String code, String name) {
        public static List<UnitJson> of(List<UnitRef> units) {
            return units.stream().map(u -> new UnitJson(u.code(), u.name())).toList();
        }
    }

    public record CriterionJson(String code, String parentCode, int level, String name, BigDecimal maxScore,
            BigDecimal baselineScore, BigDecimal targetScore, BigDecimal currentScore, BigDecimal targetGain,
            BigDecimal targetGainRounded, Integer recordedChange, BigDecimal baselinePercent,
            BigDecimal targetPercent, BigDecimal currentPercent, BigDecimal remainingToTarget,
            BigDecimal recoverable, ScoringMethod scoringMethod, List<UnitJson> leadUnits,
            boolean leadUnitsInherited, List<UnitJson> coordinatingUnits, String weakness, long version,
            BigDecimal appraisedScore, BigDecimal officialScore, String appraisalReason,
            boolean allCommunesCoordinate) {

        public static CriterionJson of(ScoreRow row) {
            CriterionView c = row.criterion();
            Figures f = row.figures();
            return new CriterionJson(c.code(), c.parentCode(), c.level(), c.name(), f.max(), f.baseline(),
                    f.target(), f.current(), f.targetGain(), f.targetGainRounded(), c.recordedChange(),
                    f.baselinePercent(), f.targetPercent(), f.currentPercent(), f.remainingToTarget(),
                    f.recoverable(), c.scoringMethod(), UnitJson.of(c.leadUnits()), c.leadUnitsInherited(),
                    UnitJson.of(c.coordinatingUnits()), c.weakness(), c.version(), f.appraised(),
                    f.appraised() != null ? f.appraised() : f.current(), c.appraisalReason(),
                    c.allCommunesCoordinate());
        }
    }

}
