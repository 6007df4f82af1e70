package vn.parindex.criteria;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.parindex.security.CurrentUser;
import vn.parindex.security.Role;

/**
 * Who may do what with a criterion, enforced by the services for pages and API alike:
 * ADMIN everything; a UNIT_HEAD submits on the self-assessed criteria their unit leads (directly or inherited);
 * a LEADER changes nothing. Survey-scored criteria are entered by ADMIN only.
 *
 * <p>A closed year refuses every write with 409 ({@code conflict.cycleClosed}, {@link #requireOpen}), but only for
 * whoever could write in an open year: the services ask who may first (403), then whether the year is open, so a
 * refusal never tells someone without the right more than "forbidden".
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
        return cycleStatus != CycleStatus.CLOSED && maySubmit(user, criterion, leaf);
    }

    /**
     * Would be allowed to submit were the year open (who, on what): a write refused with 403 when false, and
     * {@link #requireOpen} after it.
     */
    public boolean maySubmit(CurrentUser user, CriterionView criterion, boolean leaf) {
        if (user == null || !leaf || criterion.isSurvey()) {
            return false;
        }
        return user.isAdmin() || (user.role() == Role.UNIT_HEAD && leads(user, criterion));
    }

    public boolean canReview(CurrentUser user) {
        return user != null && user.isAdmin();
    }

    /** May set baseline, target and current scores directly (with a comment). */
    public boolean canEditScores(CurrentUser user) {
        return user != null && user.isAdmin();
    }

    /**
     * Refuses a write in a closed year: 409 with {@code conflict.cycleClosed}. Called after the permission check,
     * so someone who may not write at all still gets 403.
     */
    public static void requireOpen(CycleStatus cycleStatus, long currentVersion) {
        if (cycleStatus == CycleStatus.CLOSED) {
            throw new vn.parindex.system.ConflictException("conflict.cycleClosed", currentVersion);
        }
    }

    public static void require(boolean allowed) {
        if (!allowed) {
            throw new AccessDeniedException("forbidden");
        }
    }
}
