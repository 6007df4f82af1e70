package vn.parindex.tasks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The plan's own tasks (section II, "a) Nội dung triển khai", one per bullet, in the plan's order), kept in the
 * project as a tab-separated table: domain, the criteria the task serves, the lead units (codes), a short title, and
 * the bullet's text as printed. Lead units are those of section II "b) Trách nhiệm thực hiện": per criterion where
 * the plan says so (domain 1; domain 7 "theo chức năng, nhiệm vụ", as the appendix names them), else the domain's.
 */
final class PlanTasks {

    static final String RESOURCE = "seed/tan-yen-tasks-2023.tsv";

    static final List<String> HEADER = List.of("linh_vuc", "tieu_chi", "don_vi_chu_tri", "ten_nhiem_vu", "noi_dung");

    /** One task of the plan. */
    record PlanTask(String domain, List<String> criteria, List<String> leads, String title, String description) {
    }

    private PlanTasks() {
    }

    /** The tasks of the table, in order; a malformed line fails with its number (the table ships with the app). */
    static List<PlanTask> read(Reader reader) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        String header = lines.readLine();
        if (header == null || !List.of(header.replace("\uFEFF", "").split("\t")).equals(HEADER)) {
            throw new IllegalArgumentException("line 1: the header must be " + String.join(" | ", HEADER));
        }
        List<PlanTask> tasks = new ArrayList<>();
        int number = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != HEADER.size() || f[0].isBlank() || f[2].isBlank() || f[3].isBlank()) {
                throw new IllegalArgumentException("line " + number + ": " + HEADER.size()
                        + " columns expected, with a domain, lead units and a title");
            }
            tasks.add(new PlanTask(f[0].strip(), words(f[1]), words(f[2]), f[3].strip(), f[4].strip()));
        }
        return tasks;
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }
}
