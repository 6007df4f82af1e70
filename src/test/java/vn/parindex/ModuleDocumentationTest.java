package vn.parindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Draws the module diagram docs/ARCHITECTURE.md shows: PlantUML (C4) under {@code target/spring-modulith-docs}
 * ({@code components.puml} for all modules, {@code module-<name>.puml} for each), and checks the drawing against
 * the layering the page describes: the lowest modules use no feature, the pages on top are used by none.
 */
class ModuleDocumentationTest {

    static final Path OUTPUT = Path.of("target", "spring-modulith-docs");
    static final Pattern RELATION = Pattern.compile("Rel(?:_[A-Za-z]+)?\\(([\\w.]+)\\.(\\w+), ([\\w.]+)\\.(\\w+),");

    final ApplicationModules modules = ApplicationModules.of(ParIndexApplication.class);

    @Test
    void writesTheDiagramOfEveryModule() throws IOException {
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Path all = OUTPUT.resolve("components.puml");
        assertThat(all).exists();
        String diagram = Files.readString(all);
        List<String> names = modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString).toList();
        assertThat(names).contains("organisation", "criteria", "scoring", "assessment", "progress", "audit",
                "ranking", "dashboard", "backup", "security", "database", "system", "web", "tasks", "reporting", "dossier",
                "evidence", "imports", "appraisal",
                "reminders", "accounts", "history", "province");
        // every package under vn.parindex is a module, so a new one is drawn (and checked here) without a list to edit
        assertThat(names).containsExactlyInAnyOrderElementsOf(featurePackages());
        for (String name : names) {
            assertThat(OUTPUT.resolve("module-" + name + ".puml")).as(name).exists();
            assertThat(Files.readString(OUTPUT.resolve("module-" + name + ".puml"))).as(name).isNotBlank();
            assertThat(diagram).as("%s is drawn in the whole diagram", name)
                    .containsIgnoringCase("." + name + ",");
        }

        List<String[]> edges = edges(diagram);
        assertThat(edges).as("the diagram draws dependencies").isNotEmpty();
        // the bottom of the layering: audit and system use no other module
        assertThat(edges).noneMatch(e -> e[0].equals("audit") || e[0].equals("system"));
        // the top: nothing uses the province's page; nothing but it uses the pages of dashboard and progress
        assertThat(edges).noneMatch(e -> e[1].equals("province"));
        assertThat(edges).noneMatch(e -> !e[0].equals("province")
                && (e[1].equals("dashboard") || e[1].equals("progress")));
        // the page's edges are drawn
        assertThat(edges).anyMatch(e -> e[0].equals("dashboard") && e[1].equals("ranking"));
        assertThat(edges).anyMatch(e -> e[0].equals("criteria") && e[1].equals("organisation"));
        assertThat(edges).noneMatch(e -> e[0].equals("organisation") && e[1].equals("criteria"));
    }

    /** The packages directly under vn.parindex that hold classes: the application's modules. */
    static List<String> featurePackages() throws IOException {
        Path root = Path.of("src", "main", "java", "vn", "parindex");
        try (var packages = Files.list(root)) {
            return packages.filter(Files::isDirectory).filter(ModuleDocumentationTest::holdsClasses)
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean holdsClasses(Path folder) {
        try (var files = Files.walk(folder)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {from, to} for every relation line, by module name (the last segment of the PlantUML id). */
    static List<String[]> edges(String diagram) {
        List<String[]> edges = new ArrayList<>();
        Matcher m = RELATION.matcher(diagram);
        while (m.find()) {
            edges.add(new String[] {m.group(2).toLowerCase(java.util.Locale.ROOT),
                    m.group(4).toLowerCase(java.util.Locale.ROOT)});
        }
        return edges;
    }

    @Test
    void theRelationPatternReadsPlantUmlRelations() {
        List<String[]> edges = edges("Rel_D(App.App.Dashboard, App.App.Ranking, \"uses\", $techn=\"\")\n"
                + "Rel(App.App.Criteria, App.App.Organisation, \"depends on\")\nComponent(App.App.Web, \"Web\")");
        assertThat(edges).hasSize(2);
        assertThat(edges.get(0)).containsExactly("dashboard", "ranking");
        assertThat(edges.get(1)).containsExactly("criteria", "organisation");
    }
}
