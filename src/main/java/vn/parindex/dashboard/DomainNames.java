package vn.parindex.dashboard;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A domain's short name for a chart's axis ("Văn bản QPPL" for "Xây dựng và tổ chức thực hiện văn bản quy phạm
 * pháp luật"): the words offices use for the PAR Index's usual domains, else the name itself when short, else its
 * first words and an ellipsis. The full name stays in the tooltip.
 */
final class DomainNames {

    /** The longest short name, in characters. */
    static final int MAX = 24;

    /** Words in a domain's name → its short name, tried in order (names compared in lower case). */
    private static final Map<String, String> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("quy phạm pháp luật", "Văn bản QPPL");
        KNOWN.put("chính quyền điện tử", "Chính quyền số");
        KNOWN.put("chính quyền số", "Chính quyền số");
        KNOWN.put("chỉ đạo, điều hành", "Chỉ đạo, điều hành");
        KNOWN.put("thủ tục hành chính", "Cải cách TTHC");
        KNOWN.put("tổ chức bộ máy", "Tổ chức bộ máy");
        KNOWN.put("công vụ", "Cải cách công vụ");
        KNOWN.put("tài chính công", "Tài chính công");
        KNOWN.put("người dân", "Sự hài lòng");
    }

    private DomainNames() {
    }

    static String shortName(String name) {
        if (name == null) {
            return "";
        }
        String n = name.strip();
        if (n.length() <= MAX) {
            return n;
        }
        String lower = n.toLowerCase(Locale.forLanguageTag("vi"));
        for (Map.Entry<String, String> known : KNOWN.entrySet()) {
            if (lower.contains(known.getKey())) {
                return known.getValue();
            }
        }
        StringBuilder cut = new StringBuilder();
        for (String word : n.split("\\s+")) {
            if (cut.length() + word.length() + 1 > MAX - 1) {
                break;
            }
            cut.append(cut.length() == 0 ? "" : " ").append(word);
        }
        String head = cut.length() == 0 ? n.substring(0, MAX - 1) : cut.toString();
        return head.replaceAll("[,;:]$", "") + "…";
    }
}
