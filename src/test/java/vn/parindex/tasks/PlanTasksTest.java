package vn.parindex.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/** The tasks shipped with the app are the plan's section II, bullet for bullet, with the plan's lead units. */
class PlanTasksTest {

    static final String PLAN = "plan/ke-hoach-nang-cao-par-index-tan-yen-2023.txt";

    /** The bullets of "a) Nội dung triển khai" per domain, read from the plan's text (a bullet may span pages). */
    static Map<String, List<String>> planBullets() throws IOException {
        String text = new ClassPathResource(PLAN).getContentAsString(StandardCharsets.UTF_8);
        String section = text.substring(text.indexOf("II. NỘI DUNG VÀ TRÁCH NHIỆM THỰC HIỆN"),
                text.indexOf("III. TỔ CHỨC THỰC HIỆN"));
        Map<String, List<String>> bullets = new TreeMap<>();
        String domain = null;
        boolean contents = false;
        for (String line : section.split("\n")) {
            Matcher heading = Pattern.compile("^(\\d)\\. ").matcher(line);
            if (heading.find()) {
                domain = heading.group(1);
                continue;
            }
            if (line.startsWith("a) ") || line.startsWith("b) ")) {
                contents = line.startsWith("a) ");
                continue;
            }
            if (!contents || line.isBlank()) {
                continue;
            }
            List<String> list = bullets.computeIfAbsent(domain, d -> new ArrayList<>());
            if (line.startsWith("- ")) {
                list.add(line.substring(2).strip());
            } else {
                list.set(list.size() - 1, list.get(list.size() - 1) + " " + line.strip());
            }
        }
        return bullets;
    }

    static List<PlanTasks.PlanTask> shipped() throws IOException {
        try (Reader reader = new InputStreamReader(new ClassPathResource(PlanTasks.RESOURCE).getInputStream(),
                StandardCharsets.UTF_8)) {
            return PlanTasks.read(reader);
        }
    }

    @Test
    void everyBulletOfSectionTwoIsATaskInThePlansOrder() throws IOException {
        Map<String, List<String>> bullets = planBullets();
        assertThat(bullets.keySet()).containsExactly("1", "2", "3", "4", "5", "6", "7");
        Map<String, List<String>> shipped = new TreeMap<>();
        for (PlanTasks.PlanTask task : shipped()) {
            shipped.computeIfAbsent(task.domain(), d -> new ArrayList<>()).add(task.description());
            assertThat(task.title()).isNotBlank().hasSizeLessThanOrEqualTo(300);
            assertThat(task.criteria()).allMatch(code -> code.matches("[1-7]\\.\\d+"));
        }
        assertThat(shipped).isEqualTo(bullets);
        assertThat(bullets.values().stream().mapToInt(List::size).sum()).isEqualTo(35);
    }

    /**
     * Section II "b) Trách nhiệm thực hiện": domain 1 names a lead per criterion; domains 2, 4, 5 and 6 one lead
     * (or two) for the domain; domain 3 Văn phòng with every office; domain 7 each office for its criteria, as
     * the appendix names them.
     */
    @Test
    void everyTaskIsLedByTheUnitsThePlanNames() throws IOException {
        Map<String, String> criterionLead = Map.ofEntries(Map.entry("1.1", "NOIVU"), Map.entry("1.2", "NOIVU"),
                Map.entry("1.3", "NOIVU"), Map.entry("1.5", "NOIVU"), Map.entry("1.4", "VHTT"),
                Map.entry("1.6", "VANPHONG"), Map.entry("7.1", "VHTT"), Map.entry("7.2", "VANPHONG"),
                Map.entry("7.3", "VANPHONG"), Map.entry("7.4", "NOIVU"));
        for (PlanTasks.PlanTask task : shipped()) {
            switch (task.domain()) {
                case "1", "7" -> {
                    Set<String> expected = new LinkedHashSet<>();
                    task.criteria().forEach(code -> expected.add(criterionLead.get(code)));
                    assertThat(task.leads()).as(task.title()).containsExactlyInAnyOrderElementsOf(expected);
                }
                case "2" -> assertThat(task.leads()).containsExactly("TUPHAP");
                case "4", "5" -> assertThat(task.leads()).containsExactly("NOIVU");
                case "6" -> assertThat(task.leads()).containsExactly("TCKH", "THANHTRA");
                case "3" -> assertThat(task.leads()).first().isEqualTo("VANPHONG");
                default -> throw new AssertionError("domain " + task.domain());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "linh_vuc\ttieu_chi\tdon_vi_chu_tri\tten_nhiem_vu\n",
            "domain\tcriteria\tleads\ttitle\ttext\n",
            "linh_vuc\ttieu_chi\tdon_vi_chu_tri\tten_nhiem_vu\tnoi_dung\n1\t1.1\tNOIVU\tTên\n",
            "linh_vuc\ttieu_chi\tdon_vi_chu_tri\tten_nhiem_vu\tnoi_dung\n\t1.1\tNOIVU\tTên\tNội dung\n",
            "linh_vuc\ttieu_chi\tdon_vi_chu_tri\tten_nhiem_vu\tnoi_dung\n1\t1.1\t \tTên\tNội dung\n",
            "linh_vuc\ttieu_chi\tdon_vi_chu_tri\tten_nhiem_vu\tnoi_dung\n1\t1.1\tNOIVU\t\tNội dung\n",
            "linh_vuc\ttieu_chi\tdon_vi_chu_tri\tten_nhiem_vu\tnoi_dung\n1\t1.1\tNOIVU\tTên\tA\tB\n"})
    void aMalformedTableIsRefusedNamingTheLine(String table) {
        assertThatThrownBy(() -> PlanTasks.read(new StringReader(table)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("line ");
    }

    @Test
    void aWellFormedLineIsReadWithItsListsSplit() throws IOException {
        List<PlanTasks.PlanTask> tasks = PlanTasks.read(new StringReader(
                "\uFEFFlinh_vuc\ttieu_chi\tdon_vi_chu_tri\tten_nhiem_vu\tnoi_dung\n\n 6 \t6.1  6.4\tTCKH THANHTRA\t Tên \t\n"));
        assertThat(tasks).containsExactly(new PlanTasks.PlanTask("6", List.of("6.1", "6.4"),
                List.of("TCKH", "THANHTRA"), "Tên", ""));
    }
}
