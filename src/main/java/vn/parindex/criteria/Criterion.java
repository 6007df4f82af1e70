package vn.parindex.criteria;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A node of a cycle's criteria tree: a domain (lĩnh vực), a criterion (tiêu chí) or a sub-criterion (tiêu chí
 * thành phần), at any depth. Holds the node's figures for the cycle: maximum, baseline (last year's official
 * result), target and current (this year's latest accepted assessment).
 */
@Entity
@Table(name = "criterion")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Criterion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cycle_id")
    private Cycle cycle;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Criterion parent;

    /** Dotted code such as {@code 1}, {@code 1.1}, {@code 1.1.2}. */
    private String code;

    /** 1 for a domain, 2 for a criterion, 3 for a sub-criterion, and so on. */
    private int level;

    /** Row order in the published table. */
    private int position;

    private String name;

    private BigDecimal maxScore;

    private BigDecimal baselineScore;

    private BigDecimal targetScore;

    private BigDecimal currentScore;

    /** The plan's printed change column, as recorded. */
    private Integer recordedChange;

    @Enumerated(EnumType.STRING)
    private ScoringMethod scoringMethod;

    /** The weakness to fix (tồn tại, hạn chế), from the plan. */
    private String weakness;

    /** The score the province appraised (thẩm định), once published. */
    private BigDecimal appraisedScore;

    /** The province's reason for deducting points, if it gave one. */
    private String appraisalReason;

    /**
     * Every active commune of the body coordinates (the plan's "UBND các xã, thị trấn"), those added later too: read
     * into the tree's coordinating units ({@link CycleTrees}), set by {@link AssignmentService}.
     */
    private boolean allCommunesCoordinate;

    /**
     * Whether the criterion applies to the body: one that does not ("không áp dụng", set by the province) leaves the
     * body's maximum with everything under it.
     */
    private boolean applies = true;

    /** The province's reason why the criterion does not apply; null while it does. */
    private String applicabilityReason;

    /** The body's explanation (giải trình) of the province's deduction, if it gave one. */
    private String explanation;

    /** The appraisal council's reason when it settled the final score (then the appraised score), if it did. */
    private String decisionReason;

    @Version
    private long version;

    public Criterion(Cycle cycle, Criterion parent, String code, int position, String name, BigDecimal maxScore,
            BigDecimal baselineScore, BigDecimal targetScore, Integer recordedChange, ScoringMethod scoringMethod,
            String weakness) {
        this.cycle = cycle;
        this.parent = parent;
        this.code = code;
        this.level = CriterionCode.level(code);
        this.position = position;
        this.name = name;
        this.maxScore = maxScore;
        this.baselineScore = baselineScore;
        this.targetScore = targetScore;
        this.recordedChange = recordedChange;
        this.scoringMethod = scoringMethod;
        this.weakness = weakness;
    }

    /** Sets last year's official score (ADMIN correction). */
    void changeBaselineScore(BigDecimal value) {
        this.baselineScore = withinMax(value);
    }

    void changeTargetScore(BigDecimal value) {
        this.targetScore = withinMax(value);
    }

    /** Sets this year's current score: an approved assessment, a survey result or an ADMIN correction. */
    void changeCurrentScore(BigDecimal value) {
        this.currentScore = withinMax(value);
    }

    /** Changes how the criterion is scored (Home Affairs, {@link ScoringMethodService}). */
    void changeScoringMethod(ScoringMethod method) {
        this.scoringMethod = java.util.Objects.requireNonNull(method);
    }

    /** Names every commune as coordinating unit, or no longer (Home Affairs, {@link AssignmentService}). */
    void coordinateAllCommunes(boolean all) {
        this.allCommunesCoordinate = all;
    }

    /** Whether the criterion and every node above it apply to the body. */
    public boolean appliesWithParents() {
        for (Criterion c = this; c != null; c = c.parent) {
            if (!c.applies) {
                return false;
            }
        }
        return true;
    }

    /** Marks whether the criterion applies to the body, with the reason when it does not. */
    void markApplicability(boolean applies, String reason) {
        if (!applies && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("A criterion that does not apply needs a reason: " + code);
        }
        this.applies = applies;
        this.applicabilityReason = applies ? null : reason;
    }

    /** Records the body's explanation of a deduction (null clears it). */
    void recordExplanation(String text) {
        this.explanation = text;
    }

    /** Records the council's final score (the appraised score from now on) and its reason. */
    void recordDecision(BigDecimal score, String reason) {
        this.appraisedScore = withinMax(java.util.Objects.requireNonNull(score));
        this.decisionReason = reason;
    }

    /** Records the province's appraisal (both null clears it). */
    void recordAppraisal(BigDecimal score, String reason) {
        this.appraisedScore = withinMax(score);
        this.appraisalReason = reason;
    }

    private BigDecimal withinMax(BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(maxScore) > 0)) {
            throw new IllegalArgumentException("Score " + value + " outside 0.." + maxScore + " for " + code);
        }
        return Scores.normalise(value);
    }

    /** Refuses a change based on a stale version of this criterion. */
    public void requireVersion(long expected) {
        if (expected != version) {
            throw new vn.parindex.system.ConflictException("conflict.criterion", version);
        }
    }
}
