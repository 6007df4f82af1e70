package vn.parindex.tasks;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.AuditTrail;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.organisation.Unit;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.NotFoundException;

/**
 * Home Affairs creates and changes tasks: title, description, domain, criteria, lead and coordinating units (every
 * commune at once too: "all communes", in a body with communes), dates and status (a task is closed by setting it DONE). Every rule is checked before anything is written, every change
 * is on record field by field, and a change names the version it was made on (another person's change meanwhile is
 * a 409).
 *
 * <p>Each write first touches the data revision (V4's trigger on {@code task}), so writers queue in one order and
 * what is checked (the cycle's status, the task's version) cannot change before the write.
 */
@Service
public class TaskEditor {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    TaskEditor(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A draft checked and resolved to ids, ready to write. */
    private record Checked(String title, String description, long domainId, List<Long> criteria, List<Long> leads,
            List<Long> coordinating, LocalDate start, LocalDate due, TaskStatus status, boolean allCommunes) {
    }

    /** A task as stored, for a change. */
    private record Stored(long cycleId, int year, CycleStatus cycleStatus, long version, String title,
            String description, String domainCode, List<String> criteria, List<String> leads,
            List<String> coordinating, LocalDate start, LocalDate due, TaskStatus status, boolean allCommunes) {
    }

    /** Creates a task at the end of the cycle's list; returns its id. Home Affairs only; not in a closed cycle. */
    @Transactional
    public long create(CurrentUser user, Cycle cycle, TaskDraft draft) {
        requireHomeAffairs(user);
        Objects.requireNonNull(draft, "draft");
        // touch the revision first, as every writer does, then read the cycle's status under that order
        jdbc.sql("update task set version = version where false").update();
        CycleStatus cycleStatus = CycleStatus.valueOf(jdbc.sql("select status from cycle where id = ?")
                .param(cycle.getId()).query(String.class).single());
        Checked task = check(cycle.getId(), cycle.getYear(), draft.title(), draft.description(), draft.domainCode(),
                draft.criterionCodes(), draft.leadUnits(), draft.coordinatingUnits(), draft.startDate(),
                draft.dueDate(), draft.status() == null ? TaskStatus.NOT_STARTED.name() : draft.status(),
                Boolean.TRUE.equals(draft.allCommunes()), false);
        if (cycleStatus == CycleStatus.CLOSED) {
            throw new ConflictException("conflict.cycleClosed", 0);
        }
        long id = jdbc.sql("""
                insert into task (cycle_id, domain_id, position, title, description, start_date, due_date, status,
                    all_communes)
                values (?, ?, (select coalesce(max(position), 0) + 1 from task where cycle_id = ?), ?, ?, ?, ?, ?, ?)
                returning id""")
                .params(cycle.getId(), task.domainId(), cycle.getId(), task.title(), task.description(),
                        task.start(), task.due(), task.status().name(), task.allCommunes())
                .query(Long.class).single();
        writeLinks(id, cycle.getId(), task);
        audit.recordEvent(user.actor(), TaskService.ENTITY, id, null, "created", task.title());
        return id;
    }

    /**
     * Changes a task made on {@code version}: null fields stay as they are; lists replace the old ones. Home
     * Affairs only; 404 for no such task, 400 for bad input, 409 when the task changed since that version or its
     * cycle is closed.
     */
    @Transactional
    public void change(CurrentUser user, long id, Long version, TaskDraft draft) {
        requireHomeAffairs(user);
        Objects.requireNonNull(draft, "draft");
        // locks the task (and, through V4's trigger, takes the data revision first)
        Long lockedVersion = jdbc.sql("update task set version = version where id = ? returning version")
                .param(id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("notFound.task", id));
        Stored old = stored(id);
        if (version == null) {
            new FieldErrors().add("version", "task.version.required").throwIfAny();
        }
        Checked task = check(old.cycleId(), old.year(),
                or(draft.title(), old.title()), or(draft.description(), old.description()),
                or(draft.domainCode(), old.domainCode()), or(draft.criterionCodes(), old.criteria()),
                or(draft.leadUnits(), old.leads()), or(draft.coordinatingUnits(), old.coordinating()),
                draft.startDate() == null ? old.start().toString() : draft.startDate(),
                draft.dueDate() == null ? old.due().toString() : draft.dueDate(),
                or(draft.status(), old.status().name()), or(draft.allCommunes(), old.allCommunes()),
                old.allCommunes());
        if (old.cycleStatus() == CycleStatus.CLOSED) {
            throw new ConflictException("conflict.cycleClosed", lockedVersion);
        }
        if (version.longValue() != lockedVersion) {
            throw new ConflictException("conflict.task", lockedVersion);
        }
        List<String[]> changes = new ArrayList<>();
        change(changes, "title", old.title(), task.title());
        change(changes, "description", old.description(), task.description());
        change(changes, "domain", old.domainCode(), or(draft.domainCode(), old.domainCode()).strip());
        change(changes, "criteria", String.join(", ", old.criteria()), codes("criterion", task.criteria()));
        change(changes, "leadUnits", String.join(", ", old.leads()), codes("unit", task.leads()));
        change(changes, "coordinatingUnits", String.join(", ", old.coordinating()),
                codes("unit", task.coordinating()));
        change(changes, "startDate", old.start().toString(), task.start().toString());
        change(changes, "dueDate", old.due().toString(), task.due().toString());
        change(changes, "status", old.status().name(), task.status().name());
        change(changes, "allCommunes", String.valueOf(old.allCommunes()), String.valueOf(task.allCommunes()));
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update task set title = ?, description = ?, domain_id = ?, start_date = ?, due_date = ?, status = ?,
                    all_communes = ?, version = version + 1
                where id = ?""")
                .params(task.title(), task.description(), task.domainId(), task.start(), task.due(),
                        task.status().name(), task.allCommunes(), id)
                .update();
        jdbc.sql("delete from task_unit where task_id = ?").param(id).update();
        jdbc.sql("delete from task_criterion where task_id = ?").param(id).update();
        writeLinks(id, old.cycleId(), task);
        for (String[] c : changes) {
            audit.record(user.actor(), TaskService.ENTITY, id, null, c[0], c[1], c[2], null);
        }
    }

    private static void change(List<String[]> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new String[] {field, before, after});
        }
    }

    private String codes(String table, List<Long> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        Map<Long, String> codes = new HashMap<>();
        jdbc.sql("select id, code from " + table + " where id = any(?)").param(ids.toArray(Long[]::new))
                .query((rs, n) -> codes.put(rs.getLong(1), rs.getString(2))).list();
        return ids.stream().map(codes::get).collect(Collectors.joining(", "));
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }

    private static void requireHomeAffairs(CurrentUser user) {
        if (user == null || !user.isAdmin()) {
            throw new AccessDeniedException("only Home Affairs creates and changes tasks");
        }
    }

    private void writeLinks(long id, long cycleId, Checked task) {
        int place = 0;
        for (Long unit : task.leads()) {
            jdbc.sql("insert into task_unit (task_id, unit_id, role, position) values (?, ?, 'LEAD', ?)")
                    .params(id, unit, ++place).update();
        }
        place = 0;
        for (Long unit : task.coordinating()) {
            jdbc.sql("insert into task_unit (task_id, unit_id, role, position) values (?, ?, 'COORDINATING', ?)")
                    .params(id, unit, ++place).update();
        }
        for (Long criterion : task.criteria()) {
            jdbc.sql("insert into task_criterion (task_id, cycle_id, criterion_id) values (?, ?, ?)")
                    .params(id, cycleId, criterion).update();
        }
    }

    private Stored stored(long id) {
        Stored base = jdbc.sql("""
                select t.cycle_id, c.year, c.status, t.version, t.title, t.description, d.code, t.start_date,
                       t.due_date, t.status, t.all_communes
                from task t join cycle c on c.id = t.cycle_id join criterion d on d.id = t.domain_id
                where t.id = ?""")
                .param(id).query((rs, n) -> new Stored(rs.getLong(1), rs.getInt(2),
                        CycleStatus.valueOf(rs.getString(3)), rs.getLong(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), List.of(), List.of(), List.of(), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class), TaskStatus.valueOf(rs.getString(10)), rs.getBoolean(11)))
                .single();
        List<String> criteria = jdbc.sql("""
                select c.code from task_criterion tc join criterion c on c.id = tc.criterion_id
                where tc.task_id = ? order by c.position, c.code""").param(id).query(String.class).list();
        List<String> leads = new ArrayList<>();
        List<String> coordinating = new ArrayList<>();
        jdbc.sql("""
                select tu.role, u.code from task_unit tu join unit u on u.id = tu.unit_id
                where tu.task_id = ? order by tu.role, tu.position""").param(id)
                .query((rs, n) -> (rs.getString(1).equals("LEAD") ? leads : coordinating).add(rs.getString(2)))
                .list();
        return new Stored(base.cycleId(), base.year(), base.cycleStatus(), base.version(), base.title(),
                base.description(), base.domainCode(), criteria, leads, coordinating, base.start(), base.due(),
                base.status(), base.allCommunes());
    }

    /**
     * Checks every field at once (each error named by its field) and resolves codes to ids. Dates must lie in the
     * cycle's year, the due date on or after the start.
     */
    private Checked check(long cycleId, int year, String title, String description, String domainCode,
            List<String> criterionCodes, List<String> leadCodes, List<String> coordinatingCodes, String startText,
            String dueText, String statusText, boolean allCommunes, boolean hadAllCommunes) {
        FieldErrors errors = new FieldErrors();
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty()) {
            errors.add("title", "task.title.required");
        } else if (cleanTitle.length() > TaskDraft.MAX_TITLE) {
            errors.add("title", "task.title.tooLong");
        } else if (hasControl(cleanTitle)) {
            errors.add("title", "task.text.invalid");
        }
        String cleanDescription = description == null ? "" : description.strip();
        if (cleanDescription.length() > TaskDraft.MAX_DESCRIPTION) {
            errors.add("description", "task.description.tooLong");
        } else if (cleanDescription.indexOf('\u0000') >= 0) {
            errors.add("description", "task.text.invalid");
        }
        Long domainId = null;
        String domain = domainCode == null ? "" : domainCode.strip();
        if (domain.isEmpty()) {
            errors.add("domainCode", "task.domain.required");
        } else if (domain.length() > 16 || hasControl(domain)) {
            errors.add("domainCode", "task.domain.unknown");
        } else {
            domainId = jdbc.sql("select id from criterion where cycle_id = ? and level = 1 and code = ?")
                    .params(cycleId, domain).query(Long.class).optional().orElse(null);
            if (domainId == null) {
                errors.add("domainCode", "task.domain.unknown");
            }
        }
        List<Long> criteria = List.of();
        if (criterionCodes != null && criterionCodes.size() > TaskDraft.MAX_LIST) {
            errors.add("criterionCodes", "task.list.tooLong");
        } else if (criterionCodes != null && !criterionCodes.isEmpty()) {
            Set<String> wanted = clean(criterionCodes);
            Map<String, Long> found = new HashMap<>();
            if (wanted.stream().allMatch(c -> c.length() <= 16 && !hasControl(c))) {
                jdbc.sql("select code, id from criterion where cycle_id = ? and level > 1 and code = any(?)")
                        .params(cycleId, wanted.toArray(String[]::new))
                        .query((rs, n) -> found.put(rs.getString(1), rs.getLong(2))).list();
            }
            if (!found.keySet().containsAll(wanted)) {
                errors.add("criterionCodes", "task.criteria.unknown");
            } else if (domainId != null && wanted.stream().anyMatch(c -> !c.startsWith(domain + "."))) {
                errors.add("criterionCodes", "task.criteria.otherDomain");
            }
            criteria = wanted.stream().map(found::get).toList();
        }
        List<Long> leads = units("leadUnits", leadCodes, errors);
        if (leadCodes == null || leadCodes.stream().allMatch(c -> c == null || c.isBlank())) {
            errors.add("leadUnits", "task.leads.required");
        }
        List<Long> coordinating = units("coordinatingUnits", coordinatingCodes, errors);
        if (!errors.has("leadUnits") && !errors.has("coordinatingUnits")
                && coordinating.stream().anyMatch(leads::contains)) {
            errors.add("coordinatingUnits", "task.units.both");
        }
        LocalDate start = date("startDate", startText, errors);
        LocalDate due = date("dueDate", dueText, errors);
        if (start != null && start.getYear() != year) {
            errors.add("startDate", "task.date.outsideCycle");
        }
        if (due != null && due.getYear() != year) {
            errors.add("dueDate", "task.date.outsideCycle");
        }
        if (start != null && due != null && due.isBefore(start)) {
            errors.add("dueDate", "task.date.beforeStart");
        }
        TaskStatus status = TaskStatus.parse(statusText);
        if (status == null) {
            errors.add("status", "task.status.invalid");
        }
        // "all communes" where the body has none (a commune, a department) is refused; one that had it may keep it
        if (allCommunes && !hadAllCommunes && !jdbc.sql(
                "select exists (select 1 from unit where kind = 'COMMUNE' and active)").query(Boolean.class).single()) {
            errors.add("allCommunes", "task.allCommunes.noCommunes");
        }
        errors.throwIfAny();
        return new Checked(cleanTitle, cleanDescription, domainId, criteria, leads, coordinating, start, due, status,
                allCommunes);
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }

    private static LocalDate date(String field, String text, FieldErrors errors) {
        try {
            LocalDate date = TaskDraft.parseDate(text);
            if (date == null) {
                errors.add(field, "task.date.required");
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(field, "task.date.invalid");
            return null;
        }
    }

    private static Set<String> clean(List<String> codes) {
        Set<String> clean = new LinkedHashSet<>();
        for (String code : codes) {
            if (code != null && !code.isBlank()) {
                clean.add(code.strip());
            }
        }
        return clean;
    }

    /** Active units by code (any case), in the order given; unknown or malformed codes are one error. */
    private List<Long> units(String field, List<String> codes, FieldErrors errors) {
        if (codes == null) {
            return List.of();
        }
        if (codes.size() > TaskDraft.MAX_LIST) {
            errors.add(field, "task.list.tooLong");
            return List.of();
        }
        List<String> wanted = new ArrayList<>();
        for (String code : clean(codes)) {
            var valid = Unit.code(code);
            if (valid.isEmpty()) {
                errors.add(field, "task.units.unknown");
                return List.of();
            }
            if (!wanted.contains(valid.get())) {
                wanted.add(valid.get());
            }
        }
        Map<String, Long> found = new HashMap<>();
        jdbc.sql("select code, id from unit where active and code = any(?)").param(wanted.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), rs.getLong(2))).list();
        if (!found.keySet().containsAll(wanted)) {
            errors.add(field, "task.units.unknown");
            return List.of();
        }
        return wanted.stream().map(found::get).toList();
    }
}
