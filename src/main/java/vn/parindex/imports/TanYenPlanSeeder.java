package vn.parindex.imports;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.criteria.CycleRepository;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.organisation.Unit;
import vn.parindex.organisation.UnitKind;
import vn.parindex.organisation.UnitRepository;

/**
 * On first start on an empty database, loads Tân Yên district's offices and its 2023 plan (the appendix of
 * "Kế hoạch nâng cao Chỉ số CCHC huyện Tân Yên năm 2023"), with the lead units the table leaves to the
 * plan's text (domains 1, 6 and 7) and the plan's coordinating units for every domain.
 */
@Component
@Order(1)
class TanYenPlanSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TanYenPlanSeeder.class);

    static final String PLAN = "seed/tan-yen-par-index-2022-2023.csv";

    /** The district's offices named in the plan, with the spellings the plan uses. */
    static final List<Unit> OFFICES = List.of(
            new Unit("NOIVU", "Phòng Nội vụ", UnitKind.DISTRICT_OFFICE, Set.of("Phòng Nội vụ huyện", "Nội vụ")),
            new Unit("TUPHAP", "Phòng Tư pháp", UnitKind.DISTRICT_OFFICE, Set.of("Phòng Tư pháp huyện")),
            new Unit("VANPHONG", "Văn phòng HĐND và UBND", UnitKind.DISTRICT_OFFICE,
                    Set.of("Văn phòng HĐND và UBND huyện", "Văn phòng HĐND - UBND")),
            new Unit("VHTT", "Phòng Văn hóa – Thông tin", UnitKind.DISTRICT_OFFICE,
                    Set.of("Phòng VH-TT", "Phòng Văn hóa – TT", "Phòng VHTT")),
            new Unit("TCKH", "Phòng Tài chính – Kế hoạch", UnitKind.DISTRICT_OFFICE, Set.of("Phòng TC-KH")),
            new Unit("THANHTRA", "Thanh tra huyện", UnitKind.DISTRICT_OFFICE,
                    Set.of("Thanh tra nhà nước huyện", "Thanh tra")));

    /**
     * Lead units the table leaves to the plan's text: domain 1 names its lead per criterion (Nội vụ, VH-TT,
     * Văn phòng: section II.1.b), domain 6 is led by Tài chính – Kế hoạch with the district Inspectorate
     * (II.6.b), domain 7 by VH-TT, Nội vụ and Văn phòng, each for its criteria (II.7.b).
     */
    static final Map<String, List<String>> DOMAIN_LEADS = Map.of(
            "1", List.of("NOIVU", "VHTT", "VANPHONG"),
            "6", List.of("TCKH", "THANHTRA"),
            "7", List.of("VHTT", "NOIVU", "VANPHONG"));

    private final CycleRepository cycles;
    private final UnitRepository units;
    private final PlanImporter importer;
    private final vn.parindex.organisation.Bodies bodies;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    TanYenPlanSeeder(CycleRepository cycles, UnitRepository units, PlanImporter importer,
            vn.parindex.organisation.Bodies bodies,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.bodies = bodies;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.cycles = cycles;
        this.units = units;
        this.importer = importer;
    }

    /** Into the deployment's first body (Tân Yên's on a new install), when it has no cycle yet. */
    @Override
    public void run(ApplicationArguments args) {
        bodies.seedFirst(transactions, this::seed);
    }

    private void seed() throws IOException {
        if (cycles.count() > 0) {
            return;
        }
        if (units.count() == 0) {
            units.saveAll(OFFICES.stream().map(u -> new Unit(u.getCode(), u.getName(), u.getKind(), u.getAliases()))
                    .toList());
        }
        try (Reader reader = new InputStreamReader(new ClassPathResource(PLAN).getInputStream(),
                StandardCharsets.UTF_8)) {
            PlanImporter.Result result = importer.importPlan(reader, request());
            // the plan's text: 8th of 10 districts in 2022, aiming for 5th in 2023
            cycles.findByYear(result.year()).orElseThrow().recordRanking("Tân Yên", 8, 5, 10);
            log.info("Empty database: loaded the Tân Yên {} plan ({} criteria)", result.year(), result.nodes());
        }
    }

    /**
     * The 2023 cycle measured against 2022. Coordinating units for every domain (the plan's "Đơn vị phối hợp"):
     * the district's specialised offices other than the node's lead units (the importer leaves those out);
     * communes join when they are added as units.
     */
    static PlanImportRequest request() {
        List<String> offices = OFFICES.stream().map(Unit::getCode).toList();
        Map<String, List<String>> coordinating = new LinkedHashMap<>();
        for (String domain : List.of("1", "2", "3", "4", "5", "6", "7")) {
            coordinating.put(domain, offices);
        }
        return new PlanImportRequest(2023, 2022, CycleStatus.ACTIVE,
                "Kế hoạch nâng cao Chỉ số CCHC (Par Index) huyện Tân Yên năm 2023", DOMAIN_LEADS, coordinating);
    }
}
