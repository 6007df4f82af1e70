package vn.parindex.imports;

import jakarta.persistence.EntityManager;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.criteria.Criterion;
import vn.parindex.criteria.CriterionUnit;
import vn.parindex.criteria.CriterionUnitRepository;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.CycleRepository;
import vn.parindex.criteria.ScoringMethod;
import vn.parindex.criteria.UnitRole;
import vn.parindex.organisation.Unit;
import vn.parindex.organisation.UnitRepository;

/**
 * Loads a plan's appendix table (CSV, as described in {@code shared/data/README.md}) as a new assessment cycle:
 * its criteria tree with maxima, baseline and target scores, lead and coordinating units and weaknesses.
 * The whole table is checked first; any problem rejects it with every problem named by line and column, and
 * nothing is loaded (one transaction).
 */
@Service
public class PlanImporter {

    private static final Logger log = LoggerFactory.getLogger(PlanImporter.class);

    private final CycleRepository cycles;
    private final UnitRepository units;
    private final CriterionUnitRepository criterionUnits;
    private final EntityManager entityManager;

    PlanImporter(CycleRepository cycles, UnitRepository units, CriterionUnitRepository criterionUnits,
            EntityManager entityManager) {
        this.cycles = cycles;
        this.units = units;
        this.criterionUnits = criterionUnits;
        this.entityManager = entityManager;
    }

    /** A summary of what was loaded. */
    public record Result(long cycleId, int year, int nodes) {
    }

    @Transactional
    public Result importPlan(Reader csv, PlanImportRequest request) {
        requireNewYear(request);
        List<Unit> allUnits = units.findAllByOrderByIdAsc();
        PlanTableParser parser = new PlanTableParser(request, allUnits);
        return load(parser, parser.parse(csv), request);
    }

    private void requireNewYear(PlanImportRequest request) {
        if (cycles.existsByYear(request.year())) {
            throw new PlanImportException(List.of(new ImportProblem(1, "-", ImportProblem.Kind.CYCLE_EXISTS,
                    "kỳ đánh giá năm " + request.year() + " đã có")));
        }
    }

    /**
     * Checks a level's framework for the province's index (codes, names, maxima) without writing: no body's cycle
     * is made of it here, and no body's offices are named in it (a lead column names none: a problem per row).
     */
    PlanTableParser.Plan checkLevelFramework(CsvTable table, PlanImportRequest request) {
        return new PlanTableParser(request, List.of(), false).parse(table);
    }

    /** Checks a framework table (codes, names, maxima; figures and lead units where given) without writing. */
    PlanTableParser.Plan check(CsvTable table, PlanImportRequest request) {
        requireNewYear(request);
        return new PlanTableParser(request, units.findAllByOrderByIdAsc(), false).parse(table);
    }

    /** Loads a framework table as a new cycle. */
    @Transactional
    Result importFramework(CsvTable table, PlanImportRequest request) {
        requireNewYear(request);
        PlanTableParser parser = new PlanTableParser(request, units.findAllByOrderByIdAsc(), false);
        return load(parser, parser.parse(table), request);
    }

    private Result load(PlanTableParser parser, PlanTableParser.Plan plan, PlanImportRequest request) {
        Map<String, List<Unit>> extraLeads = resolve(parser, request.extraLeadUnits());
        Map<String, List<Unit>> coordinating = resolve(parser, request.coordinatingUnits());

        Cycle cycle = new Cycle(request.year(), request.baselineYear(), request.status(), request.title());
        if (plan.totals() != null) {
            PlanTableParser.Totals t = plan.totals();
            cycle.recordTotals(t.max(), t.baseline(), t.target(), t.recordedChange());
        }
        entityManager.persist(cycle);

        Map<String, Criterion> byCode = new HashMap<>();
        List<CriterionUnit> links = new ArrayList<>();
        for (PlanTableParser.Node node : plan.nodes()) {
            Criterion parent = node.parentCode() == null ? null : byCode.get(node.parentCode());
            boolean survey = node.survey() || (node.leadUnits().isEmpty() && parent != null
                    && parent.getScoringMethod() == ScoringMethod.SURVEY);
            Criterion criterion = new Criterion(cycle, parent, node.code(), node.position(), node.name(), node.max(),
                    node.baseline(), node.target(), node.recordedChange(),
                    survey ? ScoringMethod.SURVEY : ScoringMethod.SELF_ASSESSMENT, node.weakness());
            entityManager.persist(criterion);
            byCode.put(node.code(), criterion);
            Set<Unit> leads = new LinkedHashSet<>(node.leadUnits());
            leads.addAll(extraLeads.getOrDefault(node.code(), List.of()));
            link(links, criterion, UnitRole.LEAD, leads);
            Set<Unit> helpers = new LinkedHashSet<>(coordinating.getOrDefault(node.code(), List.of()));
            helpers.removeAll(leads);
            link(links, criterion, UnitRole.COORDINATING, helpers);
        }
        for (String code : request.extraLeadUnits().keySet()) {
            requireNode(byCode, code);
        }
        for (String code : request.coordinatingUnits().keySet()) {
            requireNode(byCode, code);
        }
        entityManager.flush();
        criterionUnits.saveAll(links);
        log.info("Loaded the {} plan: {} criteria", request.year(), plan.nodes().size());
        return new Result(cycle.getId(), cycle.getYear(), plan.nodes().size());
    }

    private static void link(List<CriterionUnit> links, Criterion criterion, UnitRole role, Set<Unit> units) {
        int position = 0;
        for (Unit unit : units) {
            links.add(new CriterionUnit(criterion.getId(), role, unit.getId(), ++position));
        }
    }

    private static void requireNode(Map<String, Criterion> byCode, String code) {
        if (!byCode.containsKey(code)) {
            throw new IllegalArgumentException("The import request names node " + code + ", which is not in the table");
        }
    }

    private static Map<String, List<Unit>> resolve(PlanTableParser parser, Map<String, List<String>> namesByCode) {
        Map<String, List<Unit>> resolved = new HashMap<>();
        namesByCode.forEach((code, names) -> resolved.put(code, names.stream()
                .map(name -> parser.resolveUnit(name).orElseThrow(() -> new IllegalArgumentException(
                        "The import request names unit " + name + ", which does not exist")))
                .toList()));
        return resolved;
    }
}
