package vn.parindex.reporting;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.organisation.BodyWording;

/**
 * Who issues a document and how it says so (Nghị định 30/2020/NĐ-CP, Phụ lục I): the body above it (regular, upper
 * case; none for a People's Committee), the issuing body's lines (bold, upper case), the abbreviation after
 * "/BC-" in the number, the signature's authority lines and the signer's name (null: the office writes it in).
 *
 * <ul>
 * <li>the body ({@link BodyWording}): the district, "ỦY BAN NHÂN DÂN" / "HUYỆN TÂN YÊN", {@code /BC-UBND},
 * "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"; a commune, ward or special zone the same with its name; a
 * department under "UBND TỈNH …", "SỞ TƯ PHÁP", {@code /BC-STP}, "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC";</li>
 * <li>an office: "UBND HUYỆN TÂN YÊN" (the body's, "UBND XÃ CAO XÁ", "SỞ TƯ PHÁP") / "PHÒNG TƯ PHÁP", {@code /BC-TP}, its head's title (TRƯỞNG PHÒNG, CHÁNH VĂN
 * PHÒNG, CHÁNH THANH TRA);</li>
 * <li>a commune: "ỦY BAN NHÂN DÂN" / "XÃ …", {@code /BC-UBND}, "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH".</li>
 * </ul>
 */
record Issuer(String superior, List<String> body, String abbreviation, List<String> authority, String signer) {

    /** The body's own documents (its compiled reports), signed on its behalf by a deputy of its head. */
    static Issuer of(BodyWording body) {
        return new Issuer(body.superior(), body.issuerLines(), body.abbreviation(), body.deputySigner(), null);
    }

    /** The district's People's Committee (Tân Yên's 2023 plan), signed on its behalf by a vice-chairman. */
    static Issuer district(String districtName) {
        return of(new BodyWording(BodyLevel.DISTRICT, districtName, ""));
    }

    /** A unit of a district ({@link #unit(BodyWording, String, boolean, String, String)} under "UBND HUYỆN …"). */
    static Issuer unit(String districtName, String name, boolean commune, String abbreviation, String signer) {
        return unit(new BodyWording(BodyLevel.DISTRICT, districtName, ""), name, commune, abbreviation, signer);
    }

    /**
     * A unit of the body: an office under the body ("UBND HUYỆN TÂN YÊN", "UBND XÃ CAO XÁ", "SỞ TƯ PHÁP"), or a
     * commune's People's Committee (a district's unit until 2025).
     *
     * @param abbreviation the stored abbreviation, or null to derive it from the name
     * @param signer the head's name when known, else null
     */
    static Issuer unit(BodyWording body, String name, boolean commune, String abbreviation, String signer) {
        String clean = name.strip().replaceAll("\\s+", " ");
        if (commune) {
            String place = COMMITTEE.matcher(clean).replaceFirst("");
            return new Issuer(null, List.of("ỦY BAN NHÂN DÂN", upper(place)),
                    abbreviation != null ? abbreviation : "UBND", List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), signer);
        }
        return new Issuer(upper(body.committee()), List.of(upper(clean)),
                abbreviation != null ? abbreviation : abbreviation(clean), List.of(headTitle(clean)), signer);
    }

    private static final Pattern PLACE_WORD = Pattern.compile("(?iu)xã|phường|sở|tỉnh");

    private static final Pattern COMMITTEE = Pattern.compile("^(?iu)(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\\s+");

    /** The number line: {@code Số:       /BC-TP}, the number left blank for the clerk who registers it. */
    String number(String kind) {
        return "Số:       /" + kind + "-" + abbreviation;
    }

    /**
     * The office's abbreviation from its name: VP for a Văn phòng, TTr for a Thanh tra, the initials of the words
     * after "Phòng" (Tư pháp → TP, Văn hóa – Thông tin → VHTT, Giáo dục và Đào tạo → GDĐT), else every word's; the
     * body's word ending a name (Phòng Kinh tế xã → KT) is none.
     */
    static String abbreviation(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("văn phòng")) {
            return "VP";
        }
        if (lower.startsWith("thanh tra")) {
            return "TTr";
        }
        String rest = lower.startsWith("phòng ") ? name.substring("phòng ".length()) : name;
        StringBuilder initials = new StringBuilder();
        String[] words = rest.split("[\\s\\-–—,/]+");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            // the body's word after an office's name (Thanh tra huyện, Văn phòng Sở, Phòng Kinh tế xã) is no initial;
            // "xã" only last: it is also a word of a name (Lao động – Thương binh và Xã hội)
            if (word.isEmpty() || word.equalsIgnoreCase("và") || word.equalsIgnoreCase("huyện")
                    || i == words.length - 1 && i > 0 && PLACE_WORD.matcher(word).matches()) {
                continue;
            }
            initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
        }
        return initials.isEmpty() ? "UBND" : initials.toString();
    }

    /** The head's title as the signature block prints it. */
    static String headTitle(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("văn phòng")) {
            return "CHÁNH VĂN PHÒNG";
        }
        if (lower.startsWith("thanh tra")) {
            return "CHÁNH THANH TRA";
        }
        if (lower.startsWith("phòng")) {
            return "TRƯỞNG PHÒNG";
        }
        if (lower.startsWith("ban ")) {
            return "TRƯỞNG BAN";
        }
        if (lower.startsWith("trung tâm")) {
            return "GIÁM ĐỐC";
        }
        return "THỦ TRƯỞNG ĐƠN VỊ";
    }

    /**
     * Words an account's display name starts with when it names a post rather than a person ("Phó" only before a
     * post: it is also a family name, Phó Đức Phương).
     */
    private static final Pattern POST = Pattern.compile(
            "^(?iU)(trưởng|phó\\s+(trưởng|chánh|chủ tịch|giám đốc|văn phòng)|chánh|cán bộ|chuyên viên|lãnh đạo|"
                    + "chủ tịch|giám đốc|thủ trưởng|quản trị|admin|văn thư|kế toán|phòng|ubnd|ủy ban)\\b.*");

    /**
     * The display name of an account as a signer's name, or null when it names a post ("Trưởng phòng Tư pháp"),
     * which would print the title where the name goes.
     */
    static String personName(String displayName) {
        if (displayName == null || displayName.isBlank() || POST.matcher(displayName.strip()).matches()) {
            return null;
        }
        return displayName.strip();
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.forLanguageTag("vi"));
    }
}
