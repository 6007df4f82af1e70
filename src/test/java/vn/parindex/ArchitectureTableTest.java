package vn.parindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;

/**
 * docs/ARCHITECTURE.md's dependency table ("| module | uses (features) | uses (plumbing) |") is what the code does:
 * for every module, the modules its row names (both columns; words in parentheses are explanation) are exactly the
 * modules its classes use, as Spring Modulith reads them from the byte code. A new dependency, one removed, or a
 * module without a row fails here, so the table cannot drift from the code.
 */
class ArchitectureTableTest {

    static final Path PAGE = Path.of("docs", "ARCHITECTURE.md");
    static final Pattern MODULE = Pattern.compile("`(\\w+)`");

    /** The table's rows: each module named in a row's first cell, with the modules its other cells name. */
    static Map<String, Set<String>> table(List<String> lines) {
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| module | uses")) {
                header = i;
                break;
            }
        }
        assertThat(header).as("the dependency table's header in %s", PAGE).isNotNegative();
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            // cells[0] is the empty text before the first bar
            Set<String> uses = new TreeSet<>();
            for (int c = 2; c < cells.length; c++) {
                String named = cells[c].replaceAll("\\([^)]*\\)", " ").replace('`', ' ');
                Arrays.stream(named.split(",")).map(String::strip).filter(w -> !w.isEmpty() && !w.equals("—"))
                        .forEach(uses::add);
            }
            Matcher m = MODULE.matcher(cells[1]);
            while (m.find()) {
                assertThat(rows).as("one row per module").doesNotContainKey(m.group(1));
                rows.put(m.group(1), uses);
            }
        }
        return rows;
    }

    @Test
    void everyModulesRowNamesExactlyWhatItsCodeUses() throws IOException {
        ApplicationModules modules = ApplicationModules.of(ParIndexApplication.class);
        Map<String, Set<String>> table = table(Files.readAllLines(PAGE));
        Map<String, Set<String>> code = new LinkedHashMap<>();
        for (ApplicationModule module : modules) {
            code.put(module.getIdentifier().toString(), module.getDirectDependencies(modules).stream()
                    .map(ApplicationModuleDependency::getTargetModule).map(t -> t.getIdentifier().toString())
                    .filter(t -> !t.equals(module.getIdentifier().toString()))
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        assertThat(table.keySet()).as("a row for every module, and only for modules")
                .containsExactlyInAnyOrderElementsOf(code.keySet());
        List<String> drift = code.entrySet().stream().filter(e -> !e.getValue().equals(table.get(e.getKey())))
                .map(e -> e.getKey() + ": the code uses " + e.getValue() + ", the table says " + table.get(e.getKey()))
                .toList();
        assertThat(drift).as("rows that differ from the code").isEmpty();
    }

    @Test
    void theTableIsReadAsWritten() {
        Map<String, Set<String>> rows = table(List.of("| module | uses (features) | uses (plumbing) |", "|---|---|---|",
                "| `a` | b, c (the c of b) | d |", "| `e`, `f` | — | — |", "", "| `g` | h | i |"));
        assertThat(rows).containsOnlyKeys("a", "e", "f");
        assertThat(rows.get("a")).containsExactly("b", "c", "d");
        assertThat(rows.get("e")).isEmpty();
        assertThat(rows.get("f")).isEmpty();
    }
}
