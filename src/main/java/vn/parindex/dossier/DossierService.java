package vn.parindex.dossier;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.evidence.DocumentDetails;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.CycleView;
import vn.parindex.criteria.ReviewPermissions;
import vn.parindex.criteria.UnitRef;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.NotFoundException;

/**
 * The self-assessment dossier (hồ sơ tự đánh giá): per criterion, the evidence documents the province's guidance
 * expects, listed by Home Affairs (a name and a note each); the files the lead unit (and, for their part, the
 * coordinating units) attach to each item; and the lead unit's explanation (giải trình) where evidence is missing or
 * incomplete. How complete it is, per criterion, domain and unit; who may attach files and write the explanation.
 * Writing it: {@link DossierEditor}.
 */
@Service
public class DossierService {

    static final String ITEM = "EVIDENCE_ITEM";
    static final String EXPLANATION = "EXPLANATION";
    public static final int MAX_NAME = 300;
    public static final int MAX_NOTE = 2000;
    public static final int MAX_EXPLANATION = 4000;

    /** A file of the dossier (no bytes). */
    public record File(long id, long criterionId, Long itemId, String fileName, long sizeBytes, String sha256,
            String uploadedBy, OffsetDateTime uploadedAt, String documentNumber, java.time.LocalDate issuedOn,
            String summary) {

        /** The date of issue as pages show it (dd/MM/yyyy), or an empty text. */
        public String issuedOnText() {
            return DocumentDetails.pageDate(issuedOn);
        }
    }

    /** An expected document and the files answering it. */
    public record Item(long id, long criterionId, int position, String name, String note, long version,
            List<File> files) {

        public boolean hasDocument() {
            return !files.isEmpty();
        }
    }

    /** The lead unit's explanation of how it scored. */
    public record Explanation(String text, String by, OffsetDateTime at, long version) {
    }

    /**
     * A criterion's part of the dossier.
     *
     * @param otherFiles files attached to the criterion but to no listed item (a submission's, or before the list)
     * @param complete every listed item has a document (or, with nothing listed, some document exists)
     */
    public record CriterionDossier(CriterionView criterion, List<Item> items, List<File> otherFiles,
            Explanation explanation, boolean complete) {

        public boolean needsExplanation() {
            return !complete && explanation == null;
        }

        public long itemsWithDocument() {
            return items.stream().filter(Item::hasDocument).count();
        }
    }

    /** How complete the dossier is over a group of criteria (a domain, a unit's). */
    public record Completeness(String code, String name, int criteria, int complete, int items,
            int itemsWithDocument, int missingExplanations) {
    }

    /** The whole cycle's dossier. */
    public record Overview(CycleView cycle, List<CriterionDossier> criteria, List<Completeness> byDomain,
            List<Completeness> byUnit) {

        /**
         * Up to this many criteria the page lists them all; beyond it (a province's framework of hundreds) it lists
         * one domain at a time, the first unless another is asked for: a table of 2 000 rows is neither read nor
         * sent quickly, and the whole dossier is in the .zip and the report.
         */
        public static final int ALL_UP_TO = 150;

        /**
         * The criteria the page lists: those of {@code domain} when one is asked for, else all of them, or the
         * first domain's when there are more than {@link #ALL_UP_TO}.
         *
         * @throws NotFoundException when the cycle has no such domain
         */
        public Shown shown(String domain) {
            if (domain == null || domain.isBlank()) {
                if (criteria.size() <= ALL_UP_TO || byDomain.isEmpty()) {
                    return new Shown(null, criteria, criteria.size() <= ALL_UP_TO);
                }
                domain = byDomain.get(0).code();
            }
            String code = domain.strip();
            if (byDomain.stream().noneMatch(d -> d.code().equals(code))) {
                throw new NotFoundException("notFound.domain", code.length() > 40 ? code.substring(0, 40) + "…" : code,
                        cycle.year());
            }
            return new Shown(code, criteria.stream().filter(d -> code.equals(domainOf(d.criterion().code())))
                    .toList(), criteria.size() <= ALL_UP_TO);
        }
    }

    /**
     * The criteria listed: one domain's ({@code domain} its code) or all ({@code domain} null), and whether the page
     * may offer all of them at once.
     */
    public record Shown(String domain, List<CriterionDossier> criteria, boolean allOffered) {
    }

    /** A criterion's domain: the code before its first dot ("2" of "2.3.1"). */
    static String domainOf(String code) {
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }

    private final CriteriaCatalog catalog;
    private final ReviewPermissions permissions;
    private final JdbcClient jdbc;

    @Autowired
    DossierService(CriteriaCatalog catalog, ReviewPermissions permissions, JdbcClient jdbc) {
        this.catalog = catalog;
        this.permissions = permissions;
        this.jdbc = jdbc;
    }

    /** Every self-assessed criterion's dossier, and how complete it is by domain and by unit (three statements). */
    @Transactional(readOnly = true)
    public Overview overview(int year) {
        CycleView cycle = catalog.cycle(year).orElseThrow(() -> NotFoundException.cycle(year));
        Map<Long, List<Item>> items = items(cycle.id());
        Map<Long, List<File>> files = files(cycle.id());
        Map<Long, Explanation> explanations = explanations(cycle.id());
        Set<String> parents = new HashSet<>();
        cycle.criteria().forEach(c -> {
            if (c.parentCode() != null) {
                parents.add(c.parentCode());
            }
        });
        List<CriterionDossier> dossiers = new ArrayList<>();
        for (CriterionView c : cycle.criteria()) {
            if (parents.contains(c.code()) || c.isSurvey()) {
                continue;
            }
            dossiers.add(dossier(c, items.getOrDefault(c.id(), List.of()), files.getOrDefault(c.id(), List.of()),
                    explanations.get(c.id())));
        }
        Map<String, List<CriterionDossier>> byDomain = new LinkedHashMap<>();
        Map<String, String> domainNames = new HashMap<>();
        cycle.criteria().stream().filter(c -> c.parentCode() == null).forEach(c -> {
            byDomain.put(c.code(), new ArrayList<>());
            domainNames.put(c.code(), c.name());
        });
        Map<String, List<CriterionDossier>> byUnit = new LinkedHashMap<>();
        Map<String, String> unitNames = new HashMap<>();
        for (CriterionDossier d : dossiers) {
            String domain = domainOf(d.criterion().code());
            byDomain.computeIfAbsent(domain, k -> new ArrayList<>()).add(d);
            for (UnitRef u : d.criterion().leadUnits()) {
                byUnit.computeIfAbsent(u.code(), k -> new ArrayList<>()).add(d);
                unitNames.put(u.code(), u.name());
            }
        }
        List<Completeness> domains = byDomain.entrySet().stream()
                .map(e -> completeness(e.getKey(), domainNames.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .toList();
        List<Completeness> units = byUnit.entrySet().stream()
                .map(e -> completeness(e.getKey(), unitNames.get(e.getKey()), e.getValue())).toList();
        return new Overview(cycle, List.copyOf(dossiers), domains, units);
    }

    /** One criterion's dossier. */
    @Transactional(readOnly = true)
    public CriterionDossier criterion(int year, String code) {
        CriterionView c = catalog.criterion(year, code).orElseThrow(() -> NotFoundException.criterion(year, code));
        List<Item> items = jdbc.sql("select id, criterion_id, position, name, note, version from evidence_item "
                + "where criterion_id = ? order by position, id").param(c.id())
                .query((rs, n) -> new Item(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), List.of())).list();
        List<File> files = jdbc.sql(FILES + " where e.criterion_id = ? order by e.id").param(c.id())
                .query((rs, n) -> file(rs)).list();
        Explanation explanation = jdbc.sql(EXPLANATIONS + " where x.criterion_id = ?").param(c.id())
                .query((rs, n) -> explanation(rs)).optional().orElse(null);
        Map<Long, List<Item>> byCriterion = new HashMap<>();
        byCriterion.put(c.id(), items);
        return dossier(c, items, files, explanation);
    }

    /** May the user attach files to this criterion's items: its lead or coordinating unit's head, Home Affairs. */
    public boolean canAttach(CurrentUser user, CriterionView c, CycleStatus status) {
        return status != CycleStatus.CLOSED && mayAttach(user, c);
    }

    /** Would be allowed to attach were the year open (403 when not; then 409 in a closed year). */
    boolean mayAttach(CurrentUser user, CriterionView c) {
        return user != null && (permissions.canEditScores(user) || (user.isUnitHead() && !c.isSurvey()
                && (permissions.leads(user, c) || permissions.coordinates(user, c))));
    }

    /** May the user write the explanation: the lead unit's head, Home Affairs. */
    public boolean canExplain(CurrentUser user, CriterionView c, CycleStatus status) {
        return status != CycleStatus.CLOSED && mayExplain(user, c);
    }

    boolean mayExplain(CurrentUser user, CriterionView c) {
        return user != null && (permissions.canEditScores(user) || (user.isUnitHead() && permissions.leads(user, c)));
    }

    private static final String FILES = """
            select e.id, e.criterion_id, e.evidence_item_id, e.file_name, e.size_bytes, e.sha256, u.display_name,
                   e.uploaded_at, e.document_number, e.issued_on, e.summary
            from evidence e join app_user u on u.id = e.uploaded_by""";

    static final String EXPLANATIONS = """
            select x.text, u.display_name, x.updated_at, x.version
            from criterion_explanation x join app_user u on u.id = x.updated_by""";

    private Map<Long, List<Item>> items(long cycleId) {
        Map<Long, List<File>> files = new HashMap<>();
        jdbc.sql(FILES + " join criterion k on k.id = e.criterion_id where k.cycle_id = ? and e.evidence_item_id is "
                + "not null order by e.id").param(cycleId).query((rs, n) -> file(rs)).list()
                .forEach(f -> files.computeIfAbsent(f.itemId(), k -> new ArrayList<>()).add(f));
        Map<Long, List<Item>> items = new HashMap<>();
        jdbc.sql("select i.id, i.criterion_id, i.position, i.name, i.note, i.version from evidence_item i join "
                + "criterion k on k.id = i.criterion_id where k.cycle_id = ? order by i.criterion_id, i.position, i.id")
                .param(cycleId)
                .query((rs, n) -> new Item(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), List.copyOf(files.getOrDefault(rs.getLong(1), List.of()))))
                .list().forEach(i -> items.computeIfAbsent(i.criterionId(), k -> new ArrayList<>()).add(i));
        return items;
    }

    private Map<Long, List<File>> files(long cycleId) {
        Map<Long, List<File>> files = new HashMap<>();
        jdbc.sql(FILES + " join criterion k on k.id = e.criterion_id where k.cycle_id = ? and e.evidence_item_id is "
                + "null order by e.id").param(cycleId).query((rs, n) -> file(rs)).list()
                .forEach(f -> files.computeIfAbsent(f.criterionId(), k -> new ArrayList<>()).add(f));
        return files;
    }

    private Map<Long, Explanation> explanations(long cycleId) {
        Map<Long, Explanation> found = new HashMap<>();
        jdbc.sql("select x.criterion_id, x.text, u.display_name, x.updated_at, x.version from criterion_explanation x "
                + "join app_user u on u.id = x.updated_by join criterion k on k.id = x.criterion_id where k.cycle_id = ?")
                .param(cycleId)
                .query((rs, n) -> Map.entry(rs.getLong(1), new Explanation(rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getLong(5))))
                .list().forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    /** A criterion's dossier from its items (files of each already in them or in {@code files}). */
    private static CriterionDossier dossier(CriterionView c, List<Item> items, List<File> files,
            Explanation explanation) {
        Map<Long, List<File>> byItem = new HashMap<>();
        List<File> other = new ArrayList<>();
        for (File f : files) {
            if (f.itemId() == null) {
                other.add(f);
            } else {
                byItem.computeIfAbsent(f.itemId(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Item> withFiles = items.stream().map(i -> i.files().isEmpty() && byItem.containsKey(i.id())
                ? new Item(i.id(), i.criterionId(), i.position(), i.name(), i.note(), i.version(),
                        List.copyOf(byItem.get(i.id())))
                : i).toList();
        boolean complete = withFiles.isEmpty() ? !other.isEmpty() : withFiles.stream().allMatch(Item::hasDocument);
        return new CriterionDossier(c, withFiles, List.copyOf(other), explanation, complete);
    }

    private static Completeness completeness(String code, String name, List<CriterionDossier> dossiers) {
        int items = 0;
        int withDocument = 0;
        int complete = 0;
        int missing = 0;
        for (CriterionDossier d : dossiers) {
            items += d.items().size();
            withDocument += (int) d.itemsWithDocument();
            complete += d.complete() ? 1 : 0;
            missing += d.needsExplanation() ? 1 : 0;
        }
        return new Completeness(code, name, dossiers.size(), complete, items, withDocument, missing);
    }

    private static File file(java.sql.ResultSet rs) throws java.sql.SQLException {
        // the item read as an object: wasNull() after the next column would speak of that column, not of this one
        Long item = rs.getObject(3, Long.class);
        return new File(rs.getLong(1), rs.getLong(2), item, rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9),
                rs.getObject(10, java.time.LocalDate.class), rs.getString(11));
    }

    static Explanation explanation(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Explanation(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getLong(4));
    }

}
