package vn.parindex.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.CycleView;
import vn.parindex.criteria.ScoringMethod;
import vn.parindex.system.NotFoundException;

/** Which criteria the dossier page lists: all of a small framework, one domain at a time of a large one. */
class DossierShownTest {

    /** A framework of {@code domains} domains of {@code each} criteria ("1.1" … "d.each"). */
    static DossierService.Overview overview(int domains, int each) {
        List<DossierService.CriterionDossier> criteria = new ArrayList<>();
        List<DossierService.Completeness> byDomain = new ArrayList<>();
        for (int d = 1; d <= domains; d++) {
            byDomain.add(new DossierService.Completeness(Integer.toString(d), "Lĩnh vực " + d, each, 0, 0, 0, 0));
            for (int k = 1; k <= each; k++) {
                CriterionView c = new CriterionView(d * 1000L + k, d + "." + k, Integer.toString(d), 2, k,
                        "Tiêu chí " + d + "." + k, new BigDecimal("1.0000"), null, null, null, null,
                        ScoringMethod.SELF_ASSESSMENT, null, 0, List.of(), false, List.of());
                criteria.add(new DossierService.CriterionDossier(c, List.of(), List.of(), null, false));
            }
        }
        CycleView cycle = new CycleView(1, 2023, 2022, CycleStatus.ACTIVE, "Kế hoạch 2023", null, null, null, null,
                null, null, null, "Tân Yên", List.of());
        return new DossierService.Overview(cycle, criteria, byDomain, List.of());
    }

    static List<String> codes(DossierService.Shown shown) {
        return shown.criteria().stream().map(d -> d.criterion().code()).toList();
    }

    @Test
    void aSmallFrameworkListsEveryCriterionOrOneDomainWhenAsked() {
        DossierService.Overview small = overview(3, 4);
        DossierService.Shown all = small.shown(null);
        assertThat(all.domain()).isNull();
        assertThat(all.allOffered()).isTrue();
        assertThat(codes(all)).hasSize(12).startsWith("1.1").endsWith("3.4");
        assertThat(small.shown(" ")).isEqualTo(all);

        DossierService.Shown second = small.shown("2");
        assertThat(second.domain()).isEqualTo("2");
        assertThat(second.allOffered()).isTrue();
        assertThat(codes(second)).containsExactly("2.1", "2.2", "2.3", "2.4");
    }

    @Test
    void aLargeFrameworkListsOneDomainAtATimeTheFirstUnlessAsked() {
        int each = DossierService.Overview.ALL_UP_TO / 2 + 1;
        DossierService.Overview large = overview(3, each);
        assertThat(large.criteria()).hasSizeGreaterThan(DossierService.Overview.ALL_UP_TO);

        DossierService.Shown first = large.shown(null);
        assertThat(first.domain()).isEqualTo("1");
        assertThat(first.allOffered()).isFalse();
        assertThat(codes(first)).hasSize(each).allMatch(code -> code.startsWith("1."));

        assertThat(codes(large.shown("3"))).hasSize(each).allMatch(code -> code.startsWith("3."));
        // "1" is not the prefix of "10.x" or "1x": a domain's criteria are those whose code starts with "1."
        assertThat(DossierService.domainOf("10.2.1")).isEqualTo("10");
        assertThat(DossierService.domainOf("7")).isEqualTo("7");
    }

    @Test
    void aDomainTheCycleDoesNotHaveIsNotFound() {
        DossierService.Overview small = overview(2, 3);
        assertThatThrownBy(() -> small.shown("9")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> small.shown("1.1")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> small.shown("x".repeat(5000))).isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((NotFoundException) e).arguments()[0].toString()).hasSizeLessThan(50));
    }
}
