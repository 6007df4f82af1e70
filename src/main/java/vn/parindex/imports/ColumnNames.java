package vn.parindex.imports;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table's column headers as people write them — the shared CSV's ({@code diem_toi_da}), the appendix's own
 * ("Điểm tối đa", "Mục tiêu năm 2023") or in English ("Maximum score", "Target 2023") — recognised as the importer's
 * column names. Accents, case, spacing and punctuation do not matter.
 */
final class ColumnNames {

    /** Columns the appendix export adds that an import reads past: the gap and the status. */
    static final String IGNORED = "";
    static final String CURRENT = "diem_hien_tai";
    static final String APPRAISED = "diem_tham_dinh";
    static final String REASON = "ly_do_tru_diem";

    /** A list's columns: a body's level, a unit's kind, its head's name and e-mail address. */
    static final String LEVEL = "cap";
    static final String KIND = "loai";
    static final String HEAD = "nguoi_dung_dau";
    static final String EMAIL = "email";

    private record Rule(Pattern pattern, String name) {
    }

    private static final List<Rule> RULES = List.of(
            rule("stt|so tt|no|code|ma|ma tieu chi|ma so", PlanTableParser.CODE),
            rule("ten|ten tieu chi|linh vuc.*|name|criterion|domain.*", PlanTableParser.NAME),
            rule("diem toi da|toi da|max|maximum|max score|maximum score", PlanTableParser.MAX),
            rule("diem (?:nam )?(\\d{4})|score (?:in )?(\\d{4})|(\\d{4}) score|diem chinh thuc nam (\\d{4})", "diem_"),
            rule("muc tieu (?:nam )?(\\d{4})|target (?:for )?(\\d{4})|(\\d{4}) target", "muc_tieu_"),
            rule("tang giam.*|change.*", PlanTableParser.CHANGE),
            rule("co quan chu tri|don vi chu tri|lead|lead unit|lead agency|lead units", PlanTableParser.LEAD),
            rule("ton tai han che (?:nam )?(\\d{4})|weakness(?:es)? (?:in )?(\\d{4})", "ton_tai_han_che_"),
            rule("diem hien tai|hien tai|current|current score", CURRENT),
            rule("diem tham dinh|tham dinh|appraised|appraised score|appraisal", APPRAISED),
            rule("ly do|ly do tru diem|reason|reason for (?:the )?deduction|deduction reason", REASON),
            rule("con thieu so voi muc tieu|con thieu|gap|gap to (?:the )?target|trang thai|status", IGNORED));

    /**
     * The columns of a list of bodies or of a body's units, as people write them ("Mã", "Tên đơn vị", "Cấp",
     * "Loại", "Người đứng đầu", "Email") or as the API names them ({@code ma, ten, cap, loai, nguoi_dung_dau,
     * email}); an "STT" numbering the rows and a "Ghi chú" are read past.
     */
    private static final List<Rule> LIST_RULES = List.of(
            rule("ma|ma don vi|ma so|ma co quan|ma xa|code|unit code|body code", PlanTableParser.CODE),
            rule("ten|ten don vi|ten co quan|ten xa|ten phong|name|unit name|body name", PlanTableParser.NAME),
            rule("cap|cap hanh chinh|cap don vi|level", LEVEL),
            rule("loai|loai don vi|loai co quan|kind|type|unit kind", KIND),
            rule("nguoi dung dau|ho (?:va )?ten nguoi dung dau|ten nguoi dung dau|thu truong|thu truong don vi|"
                    + "truong phong|head|head of unit|unit head", HEAD),
            rule("email|e mail|thu dien tu|dia chi thu dien tu|dia chi email|email nguoi dung dau", EMAIL),
            rule("stt|so tt|tt|so thu tu|no|ghi chu|note|notes", IGNORED));

    /** A list's column name of a header ({@link #LIST_RULES}), or empty when it is not recognised. */
    static Optional<String> canonicalInList(String header) {
        String plain = plain(header);
        return LIST_RULES.stream().filter(rule -> rule.pattern().matcher(plain).matches()).findFirst()
                .map(Rule::name);
    }

    private static Rule rule(String regex, String name) {
        return new Rule(Pattern.compile(regex), name);
    }

    private ColumnNames() {
    }

    /** The importer's name of a header, or empty when it is not recognised. */
    static Optional<String> canonical(String header) {
        String plain = plain(header);
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(plain);
            if (m.matches()) {
                if (rule.name().endsWith("_")) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        if (m.group(g) != null) {
                            return Optional.of(rule.name() + m.group(g));
                        }
                    }
                }
                return Optional.of(rule.name());
            }
        }
        return Optional.empty();
    }

    /** Lower case without accents, "đ" as "d", everything but letters and digits as single spaces. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        String s = text.length() > 200 ? text.substring(0, 200) : text;
        s = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return s.replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** Whether a name cell is that of the total row ("Tổng điểm", "Tổng cộng", "Total"). */
    static boolean isTotal(String name) {
        String plain = plain(name);
        return plain.equals("tong diem") || plain.equals("tong cong") || plain.equals("tong") || plain.equals("total")
                || plain.equals("total score");
    }
}
