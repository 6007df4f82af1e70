package vn.parindex.imports;

import static vn.parindex.imports.ImportTables.cell;
import static vn.parindex.imports.ImportTables.shorten;
import static vn.parindex.imports.ImportTables.throwIfAny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.parindex.accounts.AccountService;
import vn.parindex.accounts.AccountService.FirstAccount;
import vn.parindex.imports.ImportProblem.Kind;
import vn.parindex.imports.ImportService.Change;
import vn.parindex.imports.ImportService.ImportKind;
import vn.parindex.imports.ImportService.Result;
import vn.parindex.organisation.Bodies;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.organisation.BodyRef;
import vn.parindex.organisation.Unit;
import vn.parindex.organisation.UnitAdminService;
import vn.parindex.organisation.UnitKind;
import vn.parindex.security.CurrentUser;

/**
 * A body's offices and heads (a commune's Văn phòng, Phòng Kinh tế…; a district's offices and communes): each unit
 * created through {@link UnitAdminService#create} unless the body has it already (same code, same name: kept), and
 * for each head named an account of a unit head with a user name made from the body's and the unit's codes and a
 * random first password, to be changed at first sign-in ({@link AccountService#createUnitHead}); a unit that has a
 * head's account keeps it. The first passwords come back once, with the result, for the hand-out sheet.
 */
@Component
class UnitsImport {

    /** The words people write for a unit's kind, as {@link ColumnNames#plain} writes them; null: the body's office. */
    private static final Map<String, UnitKind> KIND_WORDS = Map.ofEntries(
            Map.entry("xa", UnitKind.COMMUNE), Map.entry("thi tran", UnitKind.COMMUNE),
            Map.entry("ubnd xa", UnitKind.COMMUNE), Map.entry("ubnd thi tran", UnitKind.COMMUNE),
            Map.entry("phuong", UnitKind.COMMUNE), Map.entry("commune", UnitKind.COMMUNE),
            Map.entry("phong", UnitKind.OFFICE), Map.entry("van phong", UnitKind.OFFICE),
            Map.entry("co quan chuyen mon", UnitKind.OFFICE), Map.entry("phong chuyen mon", UnitKind.OFFICE),
            Map.entry("ban", UnitKind.OFFICE), Map.entry("trung tam", UnitKind.OFFICE),
            Map.entry("cong chuc", UnitKind.OFFICE), Map.entry("bo phan", UnitKind.OFFICE),
            Map.entry("office", UnitKind.OFFICE), Map.entry("phong thuoc so", UnitKind.OFFICE),
            Map.entry("district office", UnitKind.DISTRICT_OFFICE));

    private final Bodies bodies;
    private final UnitAdminService units;
    private final AccountService accounts;

    UnitsImport(Bodies bodies, UnitAdminService units, AccountService accounts) {
        this.bodies = bodies;
        this.units = units;
        this.accounts = accounts;
    }

    /**
     * The kind a cell names in a body of that level: the API's name ({@code OFFICE}) or a word ("Phòng", "Xã");
     * an office is a district's office in a district ({@code DISTRICT_OFFICE}); an empty cell, the body's office;
     * null when unknown.
     */
    static UnitKind kind(String text, BodyLevel level) {
        String plain = ColumnNames.plain(text);
        UnitKind kind;
        if (plain.isEmpty()) {
            kind = UnitKind.OFFICE;
        } else {
            kind = java.util.Arrays.stream(UnitKind.values())
                    .filter(k -> k.name().equals(plain.toUpperCase(Locale.ROOT).replace(' ', '_'))).findFirst()
                    .orElse(KIND_WORDS.get(plain));
        }
        return kind == UnitKind.OFFICE && level == BodyLevel.DISTRICT ? UnitKind.DISTRICT_OFFICE : kind;
    }

    /** A unit of the file. */
    private record Row(String code, String name, UnitKind kind, Unit existing, String head, String email,
            String username) {
    }

    /** Run in the body's scope. */
    Result run(CurrentUser user, CsvTable table, boolean dryRun) {
        BodyRef body = bodies.current();
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Integer> columns = table.columnIndex();
        if (!columns.containsKey(PlanTableParser.CODE)) {
            problems.add(new ImportProblem(1, "Mã", Kind.MISSING_COLUMN, "thiếu cột “Mã”"));
        }
        if (!columns.containsKey(PlanTableParser.NAME)) {
            problems.add(new ImportProblem(1, "Tên", Kind.MISSING_COLUMN, "thiếu cột “Tên”"));
        }
        throwIfAny(problems);
        Map<String, Unit> existing = new HashMap<>();
        units.all().forEach(u -> existing.put(u.getCode(), u));
        Map<String, Integer> lineOf = new HashMap<>();
        Set<String> reserved = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            int before = problems.size();
            String typed = cell(row, columns.get(PlanTableParser.CODE));
            String name = cell(row, columns.get(PlanTableParser.NAME));
            String kindText = cell(row, columns.get(ColumnNames.KIND));
            String head = cell(row, columns.get(ColumnNames.HEAD));
            String email = cell(row, columns.get(ColumnNames.EMAIL));
            String code = Unit.code(typed).orElse(null);
            Unit known = code == null ? null : existing.get(code);
            if (typed.isEmpty()) {
                problems.add(new ImportProblem(row.line(), "Mã", Kind.MISSING_VALUE, "thiếu mã"));
            } else if (code == null) {
                problems.add(new ImportProblem(row.line(), "Mã", Kind.INVALID_CODE, "mã '" + shorten(typed, 40)
                        + "' không dùng được: 2–32 chữ in hoa (không dấu), chữ số hoặc '_'"));
            } else {
                Integer earlier = lineOf.putIfAbsent(code, row.line());
                if (earlier != null) {
                    problems.add(new ImportProblem(row.line(), "Mã", Kind.DUPLICATE_CODE, "mã '" + code
                            + "' trùng với dòng " + earlier));
                } else if (known != null && !name.isEmpty() && !known.isNamed(name)) {
                    problems.add(new ImportProblem(row.line(), "Mã", Kind.CODE_IN_USE, "mã '" + code
                            + "' đã là của “" + shorten(known.getName(), 80) + "”"));
                }
            }
            if (name.isEmpty()) {
                problems.add(new ImportProblem(row.line(), "Tên", Kind.MISSING_VALUE, "thiếu tên"));
            } else if (name.length() > 200 || vn.parindex.system.TextRule.problem(name, false) != null) {
                problems.add(new ImportProblem(row.line(), "Tên", Kind.TEXT_TOO_LONG, "tên dài quá 200 ký tự hoặc "
                        + "có ký tự không được phép"));
            }
            UnitKind kind = kind(kindText, body.level());
            if (kind == null) {
                problems.add(new ImportProblem(row.line(), "Loại", Kind.UNKNOWN_KIND, "loại '"
                        + shorten(kindText, 40) + "' không rõ: cần phòng, văn phòng, cơ quan chuyên môn, xã hoặc "
                        + "thị trấn"));
            }
            if (!head.isEmpty() && (!AccountService.fitsDisplayName(head)
                    || vn.parindex.system.TextRule.problem(head, false) != null)) {
                problems.add(new ImportProblem(row.line(), "Người đứng đầu", Kind.TEXT_TOO_LONG, "tên người đứng "
                        + "đầu dài quá 200 ký tự hoặc có ký tự không được phép"));
            }
            if (!email.isEmpty() && !AccountService.isEmail(email)) {
                problems.add(new ImportProblem(row.line(), "Email", Kind.INVALID_EMAIL, "'" + shorten(email, 60)
                        + "' không phải là một địa chỉ thư điện tử"));
            } else if (!email.isEmpty() && head.isEmpty()) {
                problems.add(new ImportProblem(row.line(), "Người đứng đầu", Kind.MISSING_VALUE, "có email mà "
                        + "thiếu tên người đứng đầu"));
            }
            if (problems.size() > before) {
                continue;
            }
            String username = null;
            if (!head.isEmpty() && (known == null || !accounts.hasHead(known.getId()))) {
                username = accounts.freeUsername(body.code(), code, reserved);
                reserved.add(username);
            }
            rows.add(new Row(code, name, kind, known, head, email, username));
        }
        throwIfAny(problems);
        List<Change> changes = new ArrayList<>();
        int created = 0;
        for (Row row : rows) {
            if (row.existing() == null) {
                created++;
                changes.add(new Change(row.code(), "unit", null, row.name()));
                changes.add(new Change(row.code(), "kind", null, row.kind().name()));
            }
            if (row.username() != null) {
                changes.add(new Change(row.code(), "account", null, row.username() + " (" + row.head() + ")"));
            }
        }
        List<FirstAccount> made = new ArrayList<>();
        if (!dryRun) {
            for (Row row : rows) {
                long unitId = row.existing() != null ? row.existing().getId()
                        : units.create(user.actor(), row.code(), row.name(), row.kind()).getId();
                if (row.username() != null) {
                    made.add(accounts.createUnitHead(user, row.username(), unitId, row.head(), row.email()));
                }
            }
        }
        return new Result(null, ImportKind.UNITS.name(), dryRun, created, changes, List.of(), made);
    }
}
