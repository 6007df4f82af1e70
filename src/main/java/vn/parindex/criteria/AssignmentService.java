package vn.parindex.criteria;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.AuditTrail;
import vn.parindex.organisation.Unit;
import vn.parindex.organisation.UnitRepository;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.NotFoundException;

/**
 * Home Affairs assigns a criterion's lead and coordinating units (cơ quan chủ trì, phối hợp). No lead unit means
 * the criterion follows its parent's. Every change is on record; a stale form is refused.
 */
@Service
public class AssignmentService {

    private final CriterionRepository criteria;
    private final UnitRepository units;
    private final CriterionUnitsEditor editor;
    private final ReviewPermissions permissions;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;

    AssignmentService(CriterionRepository criteria, UnitRepository units, CriterionUnitsEditor editor,
            ReviewPermissions permissions, AuditTrail audit, EntityManager entityManager, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.criteria = criteria;
        this.units = units;
        this.editor = editor;
        this.permissions = permissions;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    /**
     * Every unit (in the order they were created) with whether the criterion names it directly as lead or
     * coordinating unit, and whether it is an active commune: what the assignment form offers and ticks, in one
     * statement.
     */
    @Transactional(readOnly = true)
    public List<UnitChoice> choices(long criterionId) {
        return jdbc.query("""
                select u.code, u.name, coalesce(bool_or(cu.role = 'LEAD'), false) as lead,
                       coalesce(bool_or(cu.role = 'COORDINATING'), false) as coordinating,
                       u.kind = 'COMMUNE' and u.active as commune
                from unit u left join criterion_unit cu on cu.unit_id = u.id and cu.criterion_id = ?
                group by u.id order by u.id""", (rs, i) -> new UnitChoice(rs.getString("code"), rs.getString("name"),
                rs.getBoolean("lead"), rs.getBoolean("coordinating"), rs.getBoolean("commune")), criterionId);
    }

    /**
     * Whether the body has an active commune (a district before 2025): only then may a criterion name all communes,
     * and only then does the form offer it.
     */
    @Transactional(readOnly = true)
    public boolean hasCommunes() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from unit where kind = 'COMMUNE' and active)", Boolean.class));
    }

    /** As {@link #assign(CurrentUser, int, String, List, List, Boolean, String, Long)}, the communes' flag unchanged. */
    @Transactional
    public void assign(CurrentUser user, int year, String code, List<String> leadCodes,
            List<String> coordinatingCodes, String comment, Long version) {
        assign(user, year, code, leadCodes, coordinatingCodes, null, comment, version);
    }

    /**
     * Errors go to fields {@code leadUnits}, {@code coordinatingUnits}, {@code allCommunes} (all communes named in a
     * body without an active commune), {@code comment} and {@code version}. {@code allCommunes} null leaves the flag
     * as it is.
     */
    @Transactional
    public void assign(CurrentUser user, int year, String code, List<String> leadCodes,
            List<String> coordinatingCodes, Boolean allCommunes, String comment, Long version) {
        ReviewPermissions.require(permissions.canEditScores(user));
        Criterion criterion = criteria.findByYearAndCode(year, code)
                .orElseThrow(() -> NotFoundException.criterion(year, code));
        if (criterion.getCycle().isClosed()) {
            throw new vn.parindex.system.ConflictException("conflict.cycleClosed", criterion.getVersion());
        }
        Map<String, Unit> byCode = units.findAll().stream().collect(Collectors.toMap(Unit::getCode,
                Function.identity()));
        FieldErrors errors = new FieldErrors();
        List<Unit> leads = resolve(leadCodes, byCode, "leadUnits", errors);
        List<Unit> helpers = resolve(coordinatingCodes, byCode, "coordinatingUnits", errors);
        if (leads.stream().anyMatch(helpers::contains)) {
            errors.add("coordinatingUnits", "assignment.both");
        }
        if (Boolean.TRUE.equals(allCommunes) && !criterion.isAllCommunesCoordinate() && !hasCommunes()) {
            errors.add("allCommunes", "assignment.noCommunes");
        }
        if (comment == null || comment.isBlank()) {
            errors.add("comment", "comment.required");
        }
        errors.commentLength("comment", comment);
        if (version == null) {
            errors.add("version", "version.required");
        }
        errors.throwIfAny();
        criterion.requireVersion(version);
        Map<Long, String> codeOf = byCode.values().stream().collect(Collectors.toMap(Unit::getId, Unit::getCode));
        change(user, criterion, UnitRole.LEAD, "leadUnits", leads, codeOf, comment.strip());
        change(user, criterion, UnitRole.COORDINATING, "coordinatingUnits", helpers, codeOf, comment.strip());
        if (allCommunes != null && allCommunes != criterion.isAllCommunesCoordinate()) {
            audit.record(user.actor(), "ASSIGNMENT", criterion.getId(), criterion.getId(), "allCommunesCoordinate",
                    String.valueOf(criterion.isAllCommunesCoordinate()), String.valueOf(allCommunes), comment.strip());
            criterion.coordinateAllCommunes(allCommunes);
        }
        entityManager.lock(criterion, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        entityManager.flush();
    }

    private void change(CurrentUser user, Criterion criterion, UnitRole role, String field, List<Unit> wanted,
            Map<Long, String> codeOf, String comment) {
        List<Long> before = editor.direct(criterion.getId(), role);
        List<Long> after = wanted.stream().map(Unit::getId).toList();
        if (!before.equals(after)) {
            audit.record(user.actor(), "ASSIGNMENT", criterion.getId(), criterion.getId(), field,
                    codes(before, codeOf), codes(after, codeOf), comment);
            editor.replace(criterion.getId(), role, after);
        }
    }

    private static String codes(List<Long> ids, Map<Long, String> codeOf) {
        return ids.isEmpty() ? null : ids.stream().map(codeOf::get).collect(Collectors.joining(", "));
    }

    private static List<Unit> resolve(List<String> codes, Map<String, Unit> byCode, String field,
            FieldErrors errors) {
        List<Unit> found = new ArrayList<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            Unit unit = byCode.get(code);
            if (unit == null) {
                errors.add(field, "account.unitUnknown");
            } else if (!found.contains(unit)) {
                found.add(unit);
            }
        }
        return found;
    }
}
