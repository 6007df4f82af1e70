package vn.parindex.criteria;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.parindex.security.CurrentUser;
import vn.parindex.security.Role;

/**
 * Who may do what with a criterion, enforced by the services for pages and API alike:
 * ADMIN everything; a UNIT_HEAD submits on the self-assessed criteria their unit leads (directly or inherited);
 * a LEADER changes nothing. Survey-scored criteria are entered by ADMIN only.
 */
@Component
public class ReviewPermissions {

    public boolean leads(CurrentUser user, CriterionView criterion) {
        return user.unitId() != null && criterion.leadUnits().stream().map(UnitRef::id)
                .anyMatch(user.unitId()::equals);
    }

    public boolean coordinates(CurrentUser user, CriterionView criterion) {
        return user.unitId() != null && criterion.coordinatingUnits().stream().map(UnitRef::id)
                .anyMatch(user.unitId()::equals);
    }

    /** May submit a self-assessment: a self-assessed criterion without sub-criteria, in an open cycle. */
    public boolean canSubmit(CurrentUser user, CriterionView criterion, boolean leaf, CycleStatus cycleStatus) {
        if (user == null || !leaf || criterion.isSurvey() || cycleStatus == CycleStatus.CLOSED) {
            return false;
        }
        return user.role() == Role.ADMIN || (user.role() == Role.UNIT_HEAD && leads(user, criterion));
    }

    public boolean canReview(CurrentUser user) {
        return user != null && user.role() == Role.ADMIN;
    }

    /** May set baseline, target and current scores directly (with a comment). */
    public boolean canEditScores(CurrentUser user) {
        return user != null && user.role() == Role.ADMIN;
    }

    public static void require(boolean allowed) {
        if (!allowed) {
            throw new AccessDeniedException("forbidden");
        }
    }
}
