package vn.parindex.criteria;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the read model of a criteria tree: natural order and units inherited from the nearest ancestor. */
final class CriteriaTree {

    private CriteriaTree() {
    }

    /**
     * @param criteria the cycle's nodes in any order
     * @param links the units named directly on them
     * @param units every unit, by id
     */
    static List<CriterionView> build(Collection<Criterion> criteria, Collection<CriterionUnitRepository.LinkRow> rows) {
        Map<Long, UnitRef> units = new HashMap<>();
        List<CriterionUnit> links = new ArrayList<>(rows.size());
        for (CriterionUnitRepository.LinkRow row : rows) {
            units.putIfAbsent(row.unitId(), new UnitRef(row.unitId(), row.unitCode(), row.unitName()));
            links.add(new CriterionUnit(row.criterionId(), row.role(), row.unitId(), row.position()));
        }
        return build(criteria, links, units);
    }

    static List<CriterionView> build(Collection<Criterion> criteria, Collection<CriterionUnit> links,
            Map<Long, UnitRef> units) {
        Map<Long, Criterion> byId = new HashMap<>();
        criteria.forEach(c -> byId.put(c.getId(), c));
        Map<Long, List<UnitRef>> leads = new HashMap<>();
        Map<Long, List<UnitRef>> helpers = new HashMap<>();
        links.stream()
                .sorted(java.util.Comparator.comparingInt(CriterionUnit::getPosition))
                .forEach(link -> (link.getRole() == UnitRole.LEAD ? leads : helpers)
                        .computeIfAbsent(link.getCriterionId(), k -> new ArrayList<>())
                        .add(units.get(link.getUnitId())));
        List<Criterion> ordered = new ArrayList<>(criteria);
        ordered.sort(java.util.Comparator.comparing(Criterion::getCode, CriterionCode.NATURAL_ORDER));
        Map<Long, List<UnitRef>> effectiveLeads = new HashMap<>();
        Map<Long, List<UnitRef>> effectiveHelpers = new HashMap<>();
        List<CriterionView> views = new ArrayList<>(ordered.size());
        for (Criterion c : ordered) {
            Long parentId = c.getParent() == null ? null : c.getParent().getId();
            List<UnitRef> ownLeads = leads.getOrDefault(c.getId(), List.of());
            boolean inherited = ownLeads.isEmpty() && parentId != null;
            List<UnitRef> lead = inherited ? effectiveLeads.getOrDefault(parentId, List.of()) : ownLeads;
            List<UnitRef> ownHelpers = helpers.get(c.getId());
            List<UnitRef> helping = ownHelpers != null ? ownHelpers
                    : parentId == null ? List.of() : effectiveHelpers.getOrDefault(parentId, List.of());
            Set<Long> leadIds = lead.stream().map(UnitRef::id).collect(Collectors.toSet());
            helping = helping.stream().filter(u -> !leadIds.contains(u.id())).toList();
            effectiveLeads.put(c.getId(), lead);
            effectiveHelpers.put(c.getId(), helping);
            Criterion parent = parentId == null ? null : byId.get(parentId);
            views.add(new CriterionView(c.getId(), c.getCode(), parent == null ? null : parent.getCode(),
                    c.getLevel(), c.getPosition(), c.getName(), c.getMaxScore(), c.getBaselineScore(),
                    c.getTargetScore(), c.getCurrentScore(), c.getRecordedChange(), c.getScoringMethod(),
                    c.getWeakness(), c.getVersion(), List.copyOf(lead), inherited, List.copyOf(helping),
                    c.getAppraisedScore(), c.getAppraisalReason(), c.isAllCommunesCoordinate()));
        }
        return views;
    }
}
