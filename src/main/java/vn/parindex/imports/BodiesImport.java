package vn.parindex.imports;

import static vn.parindex.imports.ImportTables.cell;
import static vn.parindex.imports.ImportTables.shorten;
import static vn.parindex.imports.ImportTables.throwIfAny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.parindex.imports.ImportProblem.Kind;
import vn.parindex.imports.ImportService.Change;
import vn.parindex.imports.ImportService.ImportKind;
import vn.parindex.imports.ImportService.Result;
import vn.parindex.organisation.Bodies;
import vn.parindex.organisation.Body;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.organisation.BodyRef;
import vn.parindex.security.CurrentUser;

/**
 * The province's list of bodies (đơn vị được đánh giá): code, name and level of each, created through
 * {@link Bodies#create} (its rules and record) in every body's scope. A code twice in the file, a code another body
 * has, a level that is none of the five: each a problem of its row, and nothing is created.
 */
@Component
class BodiesImport {

    /** The words people write for a level, as {@link ColumnNames#plain} writes them. */
    private static final Map<String, BodyLevel> LEVEL_WORDS = Map.ofEntries(
            Map.entry("xa", BodyLevel.COMMUNE), Map.entry("ubnd xa", BodyLevel.COMMUNE),
            Map.entry("phuong", BodyLevel.WARD), Map.entry("ubnd phuong", BodyLevel.WARD),
            Map.entry("dac khu", BodyLevel.SPECIAL_ZONE), Map.entry("ubnd dac khu", BodyLevel.SPECIAL_ZONE),
            Map.entry("special zone", BodyLevel.SPECIAL_ZONE),
            Map.entry("so", BodyLevel.DEPARTMENT), Map.entry("ban", BodyLevel.DEPARTMENT),
            Map.entry("nganh", BodyLevel.DEPARTMENT), Map.entry("so ban nganh", BodyLevel.DEPARTMENT),
            Map.entry("co quan chuyen mon thuoc ubnd tinh", BodyLevel.DEPARTMENT),
            Map.entry("huyen", BodyLevel.DISTRICT), Map.entry("thi xa", BodyLevel.DISTRICT),
            Map.entry("thanh pho", BodyLevel.DISTRICT), Map.entry("thanh pho thuoc tinh", BodyLevel.DISTRICT),
            Map.entry("quan", BodyLevel.DISTRICT));

    private final Bodies bodies;

    BodiesImport(Bodies bodies) {
        this.bodies = bodies;
    }

    /** The level a cell names: the API's name ({@code COMMUNE}) or a word people write ("Xã", "Sở"), else null. */
    static BodyLevel level(String text) {
        BodyLevel named = BodyLevel.parse(text == null ? null : text.strip().replace(' ', '_'));
        return named != null ? named : LEVEL_WORDS.get(ColumnNames.plain(text));
    }

    /** Run in every body's scope (the list of bodies is the deployment's). */
    Result run(CurrentUser user, CsvTable table, boolean dryRun) {
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Integer> columns = table.columnIndex();
        Integer levelColumn = columns.containsKey(ColumnNames.LEVEL) ? columns.get(ColumnNames.LEVEL)
                : columns.get(ColumnNames.KIND);
        if (!columns.containsKey(PlanTableParser.CODE)) {
            problems.add(new ImportProblem(1, "Mã", Kind.MISSING_COLUMN, "thiếu cột “Mã”"));
        }
        if (!columns.containsKey(PlanTableParser.NAME)) {
            problems.add(new ImportProblem(1, "Tên", Kind.MISSING_COLUMN, "thiếu cột “Tên”"));
        }
        if (levelColumn == null) {
            problems.add(new ImportProblem(1, "Cấp", Kind.MISSING_COLUMN, "thiếu cột “Cấp” (xã, phường, đặc khu, "
                    + "sở/ban/ngành, huyện)"));
        }
        throwIfAny(problems);
        Map<String, BodyRef> existing = new HashMap<>();
        bodies.all().forEach(b -> existing.put(b.code(), b));
        Map<String, Integer> lineOf = new HashMap<>();
        List<String[]> created = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String typed = cell(row, columns.get(PlanTableParser.CODE));
            String name = cell(row, columns.get(PlanTableParser.NAME));
            String levelText = cell(row, levelColumn);
            String code = Body.code(typed).orElse(null);
            if (typed.isEmpty()) {
                problems.add(new ImportProblem(row.line(), "Mã", Kind.MISSING_VALUE, "thiếu mã"));
            } else if (code == null) {
                problems.add(new ImportProblem(row.line(), "Mã", Kind.INVALID_CODE, "mã '" + shorten(typed, 40)
                        + "' không dùng được: chữ in hoa, chữ số, '_' hoặc '-', tối đa " + Body.MAX_CODE_LENGTH
                        + " ký tự"));
            } else {
                Integer earlier = lineOf.putIfAbsent(code, row.line());
                if (earlier != null) {
                    problems.add(new ImportProblem(row.line(), "Mã", Kind.DUPLICATE_CODE, "mã '" + code
                            + "' trùng với dòng " + earlier));
                } else if (existing.containsKey(code)) {
                    problems.add(new ImportProblem(row.line(), "Mã", Kind.CODE_IN_USE, "mã '" + code
                            + "' đã là của “" + shorten(existing.get(code).name(), 80) + "”"));
                }
            }
            if (name.isEmpty()) {
                problems.add(new ImportProblem(row.line(), "Tên", Kind.MISSING_VALUE, "thiếu tên"));
            } else if (name.length() > Body.MAX_NAME_LENGTH) {
                problems.add(new ImportProblem(row.line(), "Tên", Kind.TEXT_TOO_LONG, "tên dài quá "
                        + Body.MAX_NAME_LENGTH + " ký tự"));
            } else if (vn.parindex.system.TextRule.problem(name, false) != null) {
                problems.add(new ImportProblem(row.line(), "Tên", Kind.FORBIDDEN_CHARACTER, "tên có ký tự không "
                        + "được phép (xuống dòng, ký tự điều khiển)"));
            }
            BodyLevel level = level(levelText);
            if (level == null) {
                problems.add(new ImportProblem(row.line(), "Cấp", levelText.isEmpty() ? Kind.MISSING_VALUE
                        : Kind.UNKNOWN_LEVEL, levelText.isEmpty() ? "thiếu cấp" : "cấp '" + shorten(levelText, 40)
                        + "' không rõ: cần xã, phường, đặc khu, sở/ban/ngành hoặc huyện"));
            }
            if (problems.isEmpty() || problems.get(problems.size() - 1).line() != row.line()) {
                created.add(new String[] {code, name, level.name()});
                changes.add(new Change(code, "body", null, name));
                changes.add(new Change(code, "level", null, level.name().toLowerCase(Locale.ROOT)));
            }
        }
        throwIfAny(problems);
        if (!dryRun) {
            for (String[] body : created) {
                bodies.create(user.actor(), body[0], body[1], body[2]);
            }
        }
        return new Result(null, ImportKind.BODIES.name(), dryRun, created.size(), changes, List.of());
    }
}
