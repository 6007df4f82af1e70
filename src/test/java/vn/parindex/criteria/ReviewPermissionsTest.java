package vn.parindex.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.access.AccessDeniedException;
import vn.parindex.security.CurrentUser;
import vn.parindex.security.Role;
import vn.parindex.system.ConflictException;

/**
 * Who may do what with a criterion (no Spring): Home Affairs everything, a unit head only what their unit leads and
 * is self-assessed, a leader nothing; a closed year after the permission; and a criterion's official figures.
 */
class ReviewPermissionsTest {

    static final UnitRef TU_PHAP = new UnitRef(3, "TP", "Phòng Tư pháp");
    static final UnitRef NOI_VU = new UnitRef(1, "NV", "Phòng Nội vụ");
    static final UnitRef VAN_HOA = new UnitRef(7, "VH", "Phòng Văn hóa và Thông tin");

    final ReviewPermissions permissions = new ReviewPermissions();

    static CurrentUser user(Role role, Long unitId) {
        return new CurrentUser(10, "u" + role, "Someone", "{noop}x", role, unitId, null, null, true);
    }

    static CriterionView criterion(ScoringMethod method, List<UnitRef> leads, List<UnitRef> helpers) {
        return new CriterionView(42, "2.1", "2", 2, 1, "Ban hành văn bản", new BigDecimal("2.0000"), null, null,
                null, null, method, null, 5, leads, false, helpers);
    }

    final CriterionView selfAssessed = criterion(ScoringMethod.SELF_ASSESSMENT, List.of(TU_PHAP), List.of(VAN_HOA));
    final CriterionView survey = criterion(ScoringMethod.SURVEY, List.of(TU_PHAP), List.of());

    @Test
    void aUnitLeadsOrCoordinatesByItsId() {
        assertThat(permissions.leads(user(Role.UNIT_HEAD, 3L), selfAssessed)).isTrue();
        assertThat(permissions.coordinates(user(Role.UNIT_HEAD, 3L), selfAssessed)).isFalse();
        assertThat(permissions.leads(user(Role.UNIT_HEAD, 7L), selfAssessed)).isFalse();
        assertThat(permissions.coordinates(user(Role.UNIT_HEAD, 7L), selfAssessed)).isTrue();
        assertThat(permissions.leads(user(Role.UNIT_HEAD, 1L), selfAssessed)).isFalse();
        assertThat(permissions.coordinates(user(Role.UNIT_HEAD, 1L), selfAssessed)).isFalse();
        // someone without a unit leads nothing, even a criterion without units
        assertThat(permissions.leads(user(Role.ADMIN, null), selfAssessed)).isFalse();
        assertThat(permissions.coordinates(user(Role.ADMIN, null), criterion(ScoringMethod.SELF_ASSESSMENT,
                List.of(), List.of()))).isFalse();
    }

    @Test
    void homeAffairsSubmitsOnEveryLeafAndTheLeadUnitsHeadOnItsOwn() {
        assertThat(permissions.maySubmit(user(Role.ADMIN, 1L), selfAssessed, true)).isTrue();
        assertThat(permissions.maySubmit(user(Role.ADMIN, null), selfAssessed, true)).isTrue();
        assertThat(permissions.maySubmit(user(Role.UNIT_HEAD, 3L), selfAssessed, true)).isTrue();
        // the coordinating unit helps but does not submit
        assertThat(permissions.maySubmit(user(Role.UNIT_HEAD, 7L), selfAssessed, true)).isFalse();
        assertThat(permissions.maySubmit(user(Role.UNIT_HEAD, 1L), selfAssessed, true)).isFalse();
        assertThat(permissions.maySubmit(user(Role.UNIT_HEAD, null), selfAssessed, true)).isFalse();
    }

    @Test
    void aLeaderChangesNothingEvenOnWhatTheirUnitLeads() {
        CurrentUser leader = user(Role.LEADER, 3L);
        assertThat(permissions.leads(leader, selfAssessed)).isTrue();
        assertThat(permissions.maySubmit(leader, selfAssessed, true)).isFalse();
        assertThat(permissions.canReview(leader)).isFalse();
        assertThat(permissions.canEditScores(leader)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void nobodySubmitsOnAPartedCriterionOrASurveyScoredOne(Role role) {
        assertThat(permissions.maySubmit(user(role, 3L), selfAssessed, false)).isFalse();
        assertThat(permissions.maySubmit(user(role, 3L), survey, true)).isFalse();
        assertThat(permissions.canSubmit(user(role, 3L), survey, true, CycleStatus.ACTIVE)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void onlyHomeAffairsReviewsAndEditsScores(Role role) {
        // the body's Home Affairs, or the province's working on the body
        boolean homeAffairs = role == Role.ADMIN || role == Role.PROVINCE;
        assertThat(permissions.canReview(user(role, 1L))).isEqualTo(homeAffairs);
        assertThat(permissions.canEditScores(user(role, 1L))).isEqualTo(homeAffairs);
    }

    @Test
    void nobodySignedInMayDoAnything() {
        assertThat(permissions.maySubmit(null, selfAssessed, true)).isFalse();
        assertThat(permissions.canSubmit(null, selfAssessed, true, CycleStatus.ACTIVE)).isFalse();
        assertThat(permissions.canReview(null)).isFalse();
        assertThat(permissions.canEditScores(null)).isFalse();
    }

    @Test
    void submittingNeedsAYearThatIsNotClosed() {
        CurrentUser head = user(Role.UNIT_HEAD, 3L);
        assertThat(permissions.canSubmit(head, selfAssessed, true, CycleStatus.PLANNING)).isTrue();
        assertThat(permissions.canSubmit(head, selfAssessed, true, CycleStatus.ACTIVE)).isTrue();
        assertThat(permissions.canSubmit(head, selfAssessed, true, CycleStatus.CLOSED)).isFalse();
        // who could submit in an open year still may: the closed year is a 409, not a 403
        assertThat(permissions.maySubmit(head, selfAssessed, true)).isTrue();
    }

    @Test
    void aClosedYearIsAConflictNamingTheCurrentVersion() {
        assertThatCode(() -> ReviewPermissions.requireOpen(CycleStatus.ACTIVE, 3)).doesNotThrowAnyException();
        assertThatCode(() -> ReviewPermissions.requireOpen(CycleStatus.PLANNING, 3)).doesNotThrowAnyException();
        ConflictException e = catchThrowableOfType(ConflictException.class,
                () -> ReviewPermissions.requireOpen(CycleStatus.CLOSED, 12));
        assertThat(e.messageKey()).isEqualTo("conflict.cycleClosed");
        assertThat(e.currentVersion()).isEqualTo(12);
    }

    @Test
    void aRefusedPermissionIsAccessDenied() {
        assertThatCode(() -> ReviewPermissions.require(true)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(AccessDeniedException.class, () -> ReviewPermissions.require(false)))
                .isNotNull();
    }

    @Test
    void theOfficialScoreIsTheAppraisedOneOnceThereIsOne() {
        CriterionView none = appraised(null, null);
        assertThat(none.officialScore()).isNull();
        assertThat(none.deduction()).isNull();
        CriterionView selfOnly = appraised(new BigDecimal("1.5000"), null);
        assertThat(selfOnly.officialScore()).isEqualByComparingTo("1.5");
        assertThat(selfOnly.deduction()).isNull();
        CriterionView appraisedOnly = appraised(null, new BigDecimal("1.2500"));
        assertThat(appraisedOnly.officialScore()).isEqualByComparingTo("1.25");
        assertThat(appraisedOnly.deduction()).isNull();
        CriterionView both = appraised(new BigDecimal("2.0000"), new BigDecimal("1.2500"));
        assertThat(both.officialScore()).isEqualByComparingTo("1.25");
        assertThat(both.deduction()).isEqualByComparingTo("0.75");
        // the province may give more than the unit claimed: a negative deduction
        assertThat(appraised(new BigDecimal("1.0000"), new BigDecimal("1.5000")).deduction())
                .isEqualByComparingTo("-0.5");
        assertThat(survey.isSurvey()).isTrue();
        assertThat(selfAssessed.isSurvey()).isFalse();
    }

    private static CriterionView appraised(BigDecimal current, BigDecimal appraised) {
        return new CriterionView(1, "1.1", "1", 2, 1, "x", new BigDecimal("2.0000"), null, null, current, null,
                ScoringMethod.SELF_ASSESSMENT, null, 0, List.of(), false, List.of(), appraised, null);
    }
}
