package vn.parindex.index;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.criteria.Scores;
import vn.parindex.index.IndexCalculation.Band;
import vn.parindex.organisation.Bodies;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.BodyScope;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.NotFoundException;
import vn.parindex.web.FormPage;

/**
 * The pages of the province's index: the list of levels' years (and the form that opens one), a level's year at a
 * glance (who has submitted, who is late, what each still owes, the appraisal, the ranks and bands, a chart for the
 * leaders, the decision's appendix; its settings and the publication), the appraisal queue, and a body's result
 * card, the province's view of it and the body's own ({@code /cycles/{year}/index}, where the body explains its
 * deductions). A refused form is the page again ({@link FormPage}).
 */
@Controller
class IndexPageController {

    /** Dates are typed the Vietnamese way (31/10/2026); the ISO form (2026-10-31) is read too. */
    static final String DAY = "dd/MM/yyyy";

    /** Opening a level's year, with its deadline and explanation period. */
    public record OpenForm(String year, String level,
            @DateTimeFormat(pattern = DAY, fallbackPatterns = "yyyy-MM-dd") LocalDate selfAssessmentDue,
            @DateTimeFormat(pattern = DAY, fallbackPatterns = "yyyy-MM-dd") LocalDate explanationFrom,
            @DateTimeFormat(pattern = DAY, fallbackPatterns = "yyyy-MM-dd") LocalDate explanationTo,
            Boolean scaleTo100) {
    }

    /** A year's settings: the dates, the scale, the tie-break and the bands, one row each (blank rows skipped). */
    public record SettingsForm(
            @DateTimeFormat(pattern = DAY, fallbackPatterns = "yyyy-MM-dd") LocalDate selfAssessmentDue,
            @DateTimeFormat(pattern = DAY, fallbackPatterns = "yyyy-MM-dd") LocalDate explanationFrom,
            @DateTimeFormat(pattern = DAY, fallbackPatterns = "yyyy-MM-dd") LocalDate explanationTo,
            Boolean scaleTo100, String tieBreak, List<String> bandName, List<String> bandFrom,
            List<String> bandTo, Long version) {

        /** Band rows the form shows: those typed, and blank ones up to {@link #ROWS}. */
        static final int ROWS = 6;

        static SettingsForm of(IndexYear index, List<Band> bands) {
            List<String> names = new ArrayList<>();
            List<String> from = new ArrayList<>();
            List<String> to = new ArrayList<>();
            // highest first, as the province's rules list them
            for (int i = bands.size() - 1; i >= 0; i--) {
                Band b = bands.get(i);
                names.add(b.name());
                from.add(Scores.plainText(b.from()).replace('.', ','));
                to.add(Scores.plainText(b.to()).replace('.', ','));
            }
            return new SettingsForm(index.getSelfAssessmentDue(), index.getExplanationFrom(),
                    index.getExplanationTo(), index.isScaleTo100(), index.getTieBreak().name(), names, from, to,
                    index.getVersion());
        }

        /** The value of row {@code i} of a column, blank beyond what was typed. */
        public String cell(List<String> column, int i) {
            return column != null && i < column.size() && column.get(i) != null ? column.get(i) : "";
        }

        /** The rows the form shows: those sent, one blank more, at least {@link #ROWS}. */
        public int rows() {
            return Math.max(ROWS, Math.min(sent(), IndexCalculation.MAX_BANDS + 1) + 1);
        }

        private int sent() {
            return Math.max(size(bandName), Math.max(size(bandFrom), size(bandTo)));
        }

        private static int size(List<String> column) {
            return column == null ? 0 : column.size();
        }

        /**
         * The typed rows as bands: a row left blank is skipped, a number that is none refused (field bands); more
         * rows than bands can be refused before any is read; every row blank leaves the bands as they are (null).
         */
        List<Band> bands() {
            FieldErrors errors = new FieldErrors();
            if (sent() > Math.max(ROWS, IndexCalculation.MAX_BANDS + 1)) {
                errors.add("bands", "index.bands.tooMany");
                errors.throwIfAny();
            }
            List<Band> bands = new ArrayList<>();
            for (int i = 0; i < rows(); i++) {
                String name = cell(bandName, i).strip();
                String lower = cell(bandFrom, i).strip();
                String upper = cell(bandTo, i).strip();
                if (name.isEmpty() && lower.isEmpty() && upper.isEmpty()) {
                    continue;
                }
                bands.add(new Band(name, number(lower, errors), number(upper, errors)));
            }
            errors.throwIfAny();
            return bands.isEmpty() ? null : bands;
        }

        private static BigDecimal number(String text, FieldErrors errors) {
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Scores.parse(text);
            } catch (IllegalArgumentException e) {
                errors.add("bands", e.getMessage());
                return null;
            }
        }
    }

    /** A body's explanation of a criterion's deduction. */
    public record ExplanationForm(String text) {
    }

    private final IndexService indexes;
    private final IndexResults results;
    private final IndexCards cards;
    private final IndexOfBody ofBody;
    private final IndexAppraisal appraisal;
    private final IndexExplanations explanations;
    private final Bodies bodies;
    private final ObjectMapper json;
    private final java.time.Clock clock;
    private final IndexDownloads downloads;
    private final vn.parindex.criteria.CriteriaCatalog catalog;
    private final vn.parindex.criteria.ReviewPermissions permissions;

    IndexPageController(IndexService indexes, IndexResults results, IndexCards cards, IndexOfBody ofBody,
            IndexAppraisal appraisal, IndexExplanations explanations, Bodies bodies, ObjectMapper json,
            java.time.Clock clock, IndexDownloads downloads, vn.parindex.criteria.CriteriaCatalog catalog,
            vn.parindex.criteria.ReviewPermissions permissions) {
        this.downloads = downloads;
        this.catalog = catalog;
        this.permissions = permissions;
        this.indexes = indexes;
        this.results = results;
        this.cards = cards;
        this.ofBody = ofBody;
        this.appraisal = appraisal;
        this.explanations = explanations;
        this.bodies = bodies;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The index's pages served again without rendering while unchanged ({@link vn.parindex.web.CachedPages}):
     * measured below the goal when rendered for each request (bench/pages.sh, figures in docs/ARCHITECTURE.md).
     */
    @org.springframework.context.annotation.Bean
    static vn.parindex.web.KeptPages keptIndexPages() {
        return new vn.parindex.web.KeptPages("/province/indexes/*/*", "/province/indexes/*/*/queue",
                "/province/indexes/*/*/bodies/*", "/province/indexes/*/*/bodies/*/criteria/*", "/cycles/*/index");
    }

    /** A bar of the chart: a body's name and index. */
    record ChartPoint(String label, BigDecimal value) {
    }

    @GetMapping("/province/indexes")
    String list(Model model) {
        model.addAttribute("indexes", indexes.all());
        model.addAttribute("levels", BodyLevel.values());
        model.asMap().putIfAbsent("openForm", new OpenForm(null, null, null, null, null, true));
        return "index/list";
    }

    @PostMapping("/province/indexes")
    String open(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("openForm") OpenForm form,
            BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return FormPage.of(result, model, response).staleMessage("conflict.index").submit(() -> {
            FieldErrors errors = new FieldErrors();
            Integer year = year(form.year());
            if (year == null) {
                errors.add("year", "cycle.yearRange");
            }
            BodyLevel level = BodyLevel.parse(form.level());
            if (level == null) {
                errors.add("level", "body.levelInvalid");
            }
            errors.throwIfAny();
            // an unticked box sends nothing: not scaled
            IndexService.Opened opened = indexes.open(user, year, level, new IndexService.Settings(
                    form.selfAssessmentDue(), form.explanationFrom(), form.explanationTo(),
                    Boolean.TRUE.equals(form.scaleTo100()), null, null));
            redirect.addFlashAttribute("notice", "index.opened");
            redirect.addFlashAttribute("noticeCount", opened.created().size() + opened.carriedOver().size());
            return "redirect:/province/indexes/" + year + "/" + level.name();
        }, () -> list(model));
    }

    @GetMapping("/province/indexes/{year}/{level}")
    String overview(@PathVariable int year, @PathVariable String level, Model model) {
        IndexYear index = indexes.find(year, level(level, year));
        List<IndexResults.Row> rows = results.ranked(index);
        List<ChartPoint> chart = rows.stream().filter(r -> r.figures() != null && r.figures().index() != null)
                .map(r -> new ChartPoint(r.name(), r.figures().index())).toList();
        List<Band> bands = BodyScope.callAll(() -> indexes.bands(index.getId()));
        model.addAttribute("index", index);
        model.addAttribute("rows", rows);
        model.addAttribute("bands", bands);
        model.addAttribute("counts", IndexResults.Glance.of(rows));
        model.addAttribute("chartData", json.writeValueAsString(chart));
        model.addAttribute("tieBreaks", IndexCalculation.TieBreak.values());
        model.asMap().putIfAbsent("settingsForm", SettingsForm.of(index, bands));
        return "index/overview";
    }

    /** The decision's appendix from the page (the API's needs its own sign-in). */
    @GetMapping("/province/indexes/{year}/{level}/results.xlsx")
    org.springframework.http.ResponseEntity<byte[]> resultsXlsx(@AuthenticationPrincipal CurrentUser user,
            @PathVariable int year, @PathVariable String level) throws java.io.IOException {
        return downloads.appendix(user, year, level(level, year), false);
    }

    @GetMapping("/province/indexes/{year}/{level}/results.docx")
    org.springframework.http.ResponseEntity<byte[]> resultsDocx(@AuthenticationPrincipal CurrentUser user,
            @PathVariable int year, @PathVariable String level) throws java.io.IOException {
        return downloads.appendix(user, year, level(level, year), true);
    }

    @PostMapping("/province/indexes/{year}/{level}/settings")
    String settings(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable String level,
            @ModelAttribute("settingsForm") SettingsForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        BodyLevel parsed = level(level, year);
        // a refused form is shown open, its messages beside the fields
        return FormPage.of(result, model, response).staleMessage("conflict.index")
                .onInvalid(() -> model.addAttribute("settingsOpen", true))
                .onConflict(e -> model.addAttribute("settingsOpen", true)).submit(() -> {
            indexes.configure(user, year, parsed, new IndexService.Settings(form.selfAssessmentDue(),
                    form.explanationFrom(), form.explanationTo(), Boolean.TRUE.equals(form.scaleTo100()), form.tieBreak(),
                    form.bands()),
                    form.version());
            redirect.addFlashAttribute("notice", "index.settingsSaved");
            return "redirect:/province/indexes/" + year + "/" + parsed.name();
        }, () -> overview(year, level, model));
    }

    @PostMapping("/province/indexes/{year}/{level}/publication")
    String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable String level,
            @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        BodyLevel parsed = level(level, year);
        return FormPage.of(model, response).staleMessage("conflict.index")
                .onConflict(e -> model.addAttribute("conflictDetails", e.details())).submit(() -> {
                    appraisal.publish(user, year, parsed, version);
                    redirect.addFlashAttribute("notice", "index.published");
                    return "redirect:/province/indexes/" + year + "/" + parsed.name();
                }, () -> overview(year, level, model));
    }

    /**
     * The appraisal queue of a level's year: the bodies with criteria that apply still unappraised, those that
     * have self-assessed everything first, and how many criteria each still awaits.
     */
    @GetMapping("/province/indexes/{year}/{level}/queue")
    String queue(@PathVariable int year, @PathVariable String level, Model model) {
        IndexYear index = indexes.find(year, level(level, year));
        List<IndexResults.Row> waiting = index.getStatus() == IndexStatus.PUBLISHED ? List.of()
                : BodyScope.callAll(() -> results.live(index, false)).stream()
                        .filter(r -> r.figures() != null && !r.appraised())
                        .sorted(java.util.Comparator.comparing((IndexResults.Row r) -> r.owed() > 0)
                                .thenComparing(IndexResults.Row::code))
                        .toList();
        model.addAttribute("index", index);
        model.addAttribute("waiting", waiting);
        return "index/queue";
    }

    @GetMapping("/province/indexes/{year}/{level}/bodies/{code}")
    String provinceCard(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable String level,
            @PathVariable String code, Model model) {
        model.addAttribute("card", cards.card(user, year, level(level, year), code));
        model.addAttribute("province", true);
        return "index/card";
    }

    /** The body's own card of the year: where the province's index of its level stands for it. */
    @GetMapping("/cycles/{year}/index")
    String ownCard(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, Model model) {
        IndexYear index = ofBody.find(year).filter(i -> i.getStatus() != IndexStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("notFound.ownIndex", year));
        String code = bodies.current().code();
        model.addAttribute("card", cards.card(user, year, index.getLevel(), code));
        model.addAttribute("province", false);
        // the explanation forms: within the period, for the body's Home Affairs and the offices that lead
        LocalDate today = LocalDate.now(clock);
        boolean explaining = index.getStatus() == IndexStatus.OPEN && !user.isProvince()
                && index.getExplanationFrom() != null && !today.isBefore(index.getExplanationFrom())
                && !today.isAfter(index.getExplanationTo());
        model.addAttribute("explaining", explaining);
        // which criteria: every one for Home Affairs, those its office leads for a head (IndexExplanations' rule)
        model.addAttribute("explainable", !explaining || user.isAdmin() ? null
                : catalog.cycle(year).map(tree -> tree.criteria().stream().filter(c -> permissions.leads(user, c))
                        .map(vn.parindex.criteria.CriterionView::code).collect(java.util.stream.Collectors.toSet()))
                        .orElse(java.util.Set.of()));
        model.asMap().putIfAbsent("explanationForm", new ExplanationForm(null));
        return "index/card";
    }

    /** The body's explanation of a deduction, sent from its card. */
    @PostMapping("/cycles/{year}/index/criteria/{code}/explanation")
    String explain(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable String code,
            @ModelAttribute("explanationForm") ExplanationForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        model.addAttribute("explainedCode", code);
        return FormPage.of(result, model, response).staleMessage("conflict.criterion").submit(() -> {
            explanations.explain(user, year, code, form.text());
            redirect.addFlashAttribute("notice", "index.explained");
            return "redirect:/cycles/" + year + "/index#lost-" + code;
        }, () -> ownCard(user, year, model));
    }

    /** A year typed in a form: four digits from 2000 to 2200, else null. */
    static Integer year(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{4}")) {
            return null;
        }
        int year = Integer.parseInt(t);
        return year < 2000 || year > 2200 ? null : year;
    }

    static BodyLevel level(String text, int year) {
        BodyLevel level = BodyLevel.parse(text);
        if (level == null) {
            throw new NotFoundException("notFound.index", text, year);
        }
        return level;
    }
}
