package vn.parindex.criteria;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.AuditTrail;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.NotFoundException;

/**
 * A cycle's life: Home Affairs closes it once the province has published (nothing in it changes afterwards; its
 * history and evidence stay), and starts the next year from it: the same tree, units and assignments, last year's
 * official results as the baseline, no targets yet, and the weaknesses still open. Criteria the province renamed,
 * renumbered or merged are mapped from old codes to new ones, and each new criterion remembers the old ones it
 * continues (its trend runs through them).
 */
@Service
public class CycleLifecycle {

    static final String ENTITY = "CYCLE";

    /** At most this many mapping entries are read. */
    public static final int MAX_MAPPING = 2000;

    private final CycleRepository cycles;
    private final CriteriaCatalog catalog;
    private final ReviewPermissions permissions;
    private final List<PendingWork> pendingWork;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    CycleLifecycle(CycleRepository cycles, CriteriaCatalog catalog, ReviewPermissions permissions,
            List<PendingWork> pendingWork, AuditTrail audit, EntityManager entityManager, JdbcClient jdbc,
            MessageSource messages) {
        this.cycles = cycles;
        this.catalog = catalog;
        this.permissions = permissions;
        this.pendingWork = pendingWork;
        this.audit = audit;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /**
     * Closes the cycle. Refused (409, listing them) while a self-assessment awaits review or a unit's report awaits
     * acceptance; the cycle's row is locked first, so a submission in flight is either counted or refused.
     */
    @Transactional
    public Cycle close(CurrentUser user, int year) {
        ReviewPermissions.require(permissions.canEditScores(user));
        Cycle found = cycles.findByYear(year).orElseThrow(() -> NotFoundException.cycle(year));
        Cycle cycle = cycles.lockById(found.getId()).orElseThrow(() -> NotFoundException.cycle(year));
        entityManager.refresh(cycle);
        if (cycle.isClosed()) {
            throw new ConflictException("conflict.cycleClosed", cycle.getVersion());
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<String> pending = new ArrayList<>();
        for (PendingWork work : pendingWork) {
            for (PendingWork.Item item : work.pendingIn(cycle.getId())) {
                pending.add(messages.getMessage(item.kind(), new Object[] {item.item(), item.unit()}, locale));
            }
        }
        if (!pending.isEmpty()) {
            throw new ConflictException("conflict.pendingWork", cycle.getVersion(), pending);
        }
        cycle.close(OffsetDateTime.now());
        cycles.saveAndFlush(cycle);
        audit.recordEvent(user.actor(), ENTITY, cycle.getId(), null, "CLOSED", String.valueOf(year));
        return cycle;
    }

    /** What to start: the new year, the cycle it continues, and old codes mapped to new ones (others stay). */
    public record NextCycle(Integer year, Integer from, Map<String, String> mapping) {
    }

    /** How each new criterion comes from the old ones: the plan {@link #startNext} would carry out. */
    public record Carried(String newCode, List<String> oldCodes, String name) {
    }

    /**
     * Checks a request to start the next year and gives what it would create, writing nothing: each new code with
     * the old codes it continues. Every problem is reported at once (400), an existing year is 409.
     */
    @Transactional(readOnly = true)
    public List<Carried> plan(CurrentUser user, NextCycle request) {
        ReviewPermissions.require(permissions.canEditScores(user));
        return planOf(request).carried();
    }

    /** Starts the next year (see {@link #plan}); the new cycle is PLANNING until Home Affairs sets its targets. */
    @Transactional
    public Cycle startNext(CurrentUser user, NextCycle request) {
        ReviewPermissions.require(permissions.canEditScores(user));
        Plan plan = planOf(request);
        Cycle source = plan.source();
        Cycle next = new Cycle(request.year(), source.getYear(), CycleStatus.PLANNING, titleFor(source, request.year()));
        next.recordRanking(source.getDistrictName(), null, null, source.getDistrictCount());
        entityManager.persist(next);
        Map<String, CriterionView> old = plan.oldByCode();
        Map<String, Criterion> created = new HashMap<>();
        int position = 0;
        for (Carried carried : plan.carried()) {
            List<CriterionView> from = carried.oldCodes().stream().map(old::get).toList();
            CriterionView first = from.get(0);
            BigDecimal max = sum(from, CriterionView::maxScore);
            BigDecimal baseline = sum(from, CriterionView::officialScore);
            String parentCode = CriterionCode.parentOf(carried.newCode());
            Criterion criterion = new Criterion(next, parentCode == null ? null : created.get(parentCode),
                    carried.newCode(), ++position, first.name(), max, baseline != null && baseline.compareTo(max) > 0
                            ? max : baseline, null, null, first.scoringMethod(), weaknessCarried(from));
            entityManager.persist(criterion);
            created.put(carried.newCode(), criterion);
        }
        entityManager.flush();
        // "all communes" goes on as the flag, never as one row per commune
        Set<Long> communes = new java.util.HashSet<>(jdbc.sql("select id from unit where kind = 'COMMUNE'")
                .query(Long.class).list());
        for (Carried carried : plan.carried()) {
            Criterion made = created.get(carried.newCode());
            long id = made.getId();
            Set<Long> leads = new LinkedHashSet<>();
            Set<Long> helpers = new LinkedHashSet<>();
            boolean allCommunes = carried.oldCodes().stream().map(old::get)
                    .anyMatch(CriterionView::allCommunesCoordinate);
            if (allCommunes) {
                made.coordinateAllCommunes(true);
            }
            for (String oldCode : carried.oldCodes()) {
                CriterionView v = old.get(oldCode);
                if (!v.leadUnitsInherited()) {
                    v.leadUnits().forEach(u -> leads.add(u.id()));
                }
                helpers.addAll(ownCoordinating(v, old));
                jdbc.sql("insert into criterion_lineage (criterion_id, previous_id) values (?, ?)")
                        .params(id, v.id()).update();
            }
            helpers.removeAll(leads);
            if (allCommunes) {
                helpers.removeAll(communes);
            }
            int p = 0;
            for (Long unit : leads) {
                entityManager.persist(new CriterionUnit(id, UnitRole.LEAD, unit, ++p));
            }
            p = 0;
            for (Long unit : helpers) {
                entityManager.persist(new CriterionUnit(id, UnitRole.COORDINATING, unit, ++p));
            }
        }
        entityManager.flush();
        audit.recordEvent(user.actor(), ENTITY, next.getId(), null, "STARTED",
                request.year() + " ← " + source.getYear() + mappingText(request.mapping()));
        return next;
    }

    private record Plan(Cycle source, Map<String, CriterionView> oldByCode, List<Carried> carried) {
    }

    private Plan planOf(NextCycle request) {
        FieldErrors errors = new FieldErrors();
        if (request.year() == null) {
            errors.add("year", "cycle.yearRequired");
        } else if (request.year() < 2000 || request.year() > 2200) {
            errors.add("year", "cycle.yearRange");
        }
        if (request.from() == null) {
            errors.add("from", "cycle.fromRequired");
        }
        errors.throwIfAny();
        CycleView source = catalog.cycle(request.from()).orElse(null);
        if (source == null) {
            errors.add("from", "cycle.fromUnknown").throwIfAny();
        }
        if (cycles.existsByYear(request.year())) {
            throw new ConflictException("conflict.cycleExists", 0);
        }
        if (request.year() <= request.from()) {
            errors.add("year", "cycle.yearNotAfter").throwIfAny();
        }
        Map<String, String> mapping = request.mapping() == null ? Map.of() : request.mapping();
        if (mapping.size() > MAX_MAPPING) {
            errors.add("mapping", "cycle.mappingTooLong").throwIfAny();
        }
        Map<String, CriterionView> oldByCode = new LinkedHashMap<>();
        source.criteria().forEach(c -> oldByCode.put(c.code(), c));
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> newToOld = new LinkedHashMap<>();
        for (CriterionView c : source.criteria()) {
            String mapped = mapping.get(c.code());
            String newCode = mapped == null ? c.code() : mapped.strip();
            newToOld.computeIfAbsent(newCode, k -> new ArrayList<>()).add(c.code());
        }
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            String key = e.getKey() == null ? "" : e.getKey();
            if (!oldByCode.containsKey(key)) {
                problems.add(text("cycle.mappingUnknownOld", shorten(key), request.from()));
            }
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (!CriterionCode.isValid(value) || value.length() > 32) {
                problems.add(text("cycle.mappingInvalidNew", shorten(key), shorten(value)));
            }
        }
        if (problems.isEmpty()) {
            for (Map.Entry<String, List<String>> e : newToOld.entrySet()) {
                String parent = CriterionCode.parentOf(e.getKey());
                if (parent != null && !newToOld.containsKey(parent)) {
                    problems.add(text("cycle.mappingNoParent", e.getKey(), parent));
                }
                if (e.getValue().size() > 1) {
                    boolean explicit = e.getValue().stream().allMatch(mapping::containsKey);
                    boolean leaves = e.getValue().stream().allMatch(code -> !hasChildren(code, oldByCode));
                    if (!explicit) {
                        problems.add(text("cycle.mappingCollides", e.getKey(), String.join(", ", e.getValue())));
                    } else if (!leaves) {
                        problems.add(text("cycle.mappingMergesParents", e.getKey(), String.join(", ", e.getValue())));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            // the problems are already sentences (with the codes in them); a message source answers a text that is
            // no key with the text itself
            throw vn.parindex.system.InvalidInputException.of("mapping",
                    String.join("; ", problems.subList(0, Math.min(problems.size(), 20))));
        }
        List<Carried> carried = new ArrayList<>();
        newToOld.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(CriterionCode.NATURAL_ORDER))
                .forEach(e -> carried.add(new Carried(e.getKey(), List.copyOf(e.getValue()),
                        oldByCode.get(e.getValue().get(0)).name())));
        return new Plan(cycles.findByYear(request.from()).orElseThrow(), oldByCode, List.copyOf(carried));
    }

    private static boolean hasChildren(String code, Map<String, CriterionView> byCode) {
        return byCode.values().stream().anyMatch(c -> code.equals(c.parentCode()));
    }

    /** Coordinating units named on the node itself (inherited ones come again through the new parent). */
    private static List<Long> ownCoordinating(CriterionView v, Map<String, CriterionView> byCode) {
        CriterionView parent = v.parentCode() == null ? null : byCode.get(v.parentCode());
        List<Long> mine = v.coordinatingUnits().stream().map(UnitRef::id).toList();
        if (parent != null && mine.equals(parent.coordinatingUnits().stream().map(UnitRef::id)
                .filter(id -> v.leadUnits().stream().noneMatch(u -> u.id() == id)).toList())) {
            return List.of();
        }
        return mine;
    }

    /**
     * The weakness the new year starts with: the province's reason where it deducted points, else last year's
     * weakness while the criterion is below its maximum; none at full marks.
     */
    private static String weaknessCarried(List<CriterionView> from) {
        List<String> parts = new ArrayList<>();
        for (CriterionView c : from) {
            BigDecimal official = c.officialScore();
            boolean full = official != null && official.compareTo(c.maxScore()) >= 0;
            if (c.appraisalReason() != null && !c.appraisalReason().isBlank()) {
                parts.add(c.appraisalReason());
            } else if (!full && c.weakness() != null) {
                parts.add(c.weakness());
            }
        }
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    private static BigDecimal sum(List<CriterionView> views, java.util.function.Function<CriterionView, BigDecimal> f) {
        BigDecimal total = null;
        for (CriterionView v : views) {
            BigDecimal value = f.apply(v);
            if (value == null) {
                return null;
            }
            total = total == null ? value : total.add(value);
        }
        return total;
    }

    private static String titleFor(Cycle source, int year) {
        String title = source.getTitle();
        if (title == null) {
            return null;
        }
        String renamed = title.replace(String.valueOf(source.getYear()), String.valueOf(year));
        return renamed.length() > 300 ? renamed.substring(0, 300) : renamed;
    }

    private static String mappingText(Map<String, String> mapping) {
        if (mapping == null || mapping.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        mapping.forEach((k, v) -> text.append(text.length() == 0 ? "; " : ", ").append(k).append(" → ").append(v));
        return text.length() > 1000 ? text.substring(0, 1000) + "…" : text.toString();
    }

    private static String shorten(String code) {
        return code.length() > 40 ? code.substring(0, 40) + "…" : code;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
