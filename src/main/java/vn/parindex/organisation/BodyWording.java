package vn.parindex.organisation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How pages and documents name a body at its level (pure): "UBND xã Cao Xá", "huyện Tân Yên", "Sở Tư pháp"; and how
 * its official documents print it (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 *
 * <ul>
 * <li>a People's Committee (xã, phường, đặc khu, huyện) is the issuing body itself, with no line above it:
 * "ỦY BAN NHÂN DÂN" / "XÃ CAO XÁ", {@code /BC-UBND}, signed "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" (a vice-chairman:
 * "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"), dated from its own name ("Cao Xá, ngày …");</li>
 * <li>a department is printed under its superior, "UBND TỈNH BẮC GIANG" (the configured province; no line when
 * none is), as "SỞ TƯ PHÁP", {@code /BC-STP}, signed "GIÁM ĐỐC" (a deputy: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"),
 * dated from the province ("Bắc Giang, ngày …"; "…" when none is configured).</li>
 * </ul>
 *
 * @param name the body's name as kept: the place for a People's Committee ("Cao Xá"; a leading "UBND xã" or "Xã"
 *        is dropped), the full name for a department ("Sở Tư pháp")
 * @param province the province's name ("Bắc Giang", "Thành phố Hải Phòng"), empty when not configured
 */
public record BodyWording(BodyLevel level, String name, String province) {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final Pattern COMMITTEE = Pattern.compile("^(?iu)(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\\s+");
    private static final Pattern PROVINCE_WORD = Pattern.compile("^(?iu)(tỉnh|thành phố)\\s+");

    public BodyWording {
        if (level == null) {
            throw new IllegalArgumentException("level");
        }
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (level != BodyLevel.DEPARTMENT) {
            clean = COMMITTEE.matcher(clean).replaceFirst("");
            String word = placeWord(level);
            if (clean.equalsIgnoreCase(word)) {
                clean = ""; // a level with no name
            } else if (clean.length() > word.length() && clean.substring(0, word.length() + 1)
                    .equalsIgnoreCase(word + " ")) {
                clean = clean.substring(word.length() + 1);
            }
        }
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("name");
        }
        name = clean;
        province = province == null ? "" : province.strip().replaceAll("\\s+", " ");
    }

    public static BodyWording of(BodyRef body, String province) {
        return new BodyWording(body.level(), body.name(), province);
    }

    /** Whether the body is a People's Committee (UBND): every level but a department. */
    public boolean isPeoplesCommittee() {
        return level != BodyLevel.DEPARTMENT;
    }

    /**
     * The body named without its name, as a sentence says "của huyện", "các cơ quan của xã": the level's word
     * (xã, phường, đặc khu, huyện); for a department the word it is named by (Sở, Ban, Thanh tra, Văn phòng), else
     * "cơ quan".
     */
    public String levelWord() {
        return isPeoplesCommittee() ? placeWord(level) : departmentKind().word;
    }

    /** The body in a sentence: "xã Cao Xá", "phường Đa Mai", "đặc khu Vân Đồn", "huyện Tân Yên", "Sở Tư pháp". */
    public String inText() {
        return isPeoplesCommittee() ? placeWord(level) + " " + name : name;
    }

    /** {@link #inText()} opening a sentence: "Xã Cao Xá", "Huyện Tân Yên", "Sở Tư pháp". */
    public String sentenceStart() {
        String text = inText();
        return text.substring(0, 1).toUpperCase(VIETNAMESE) + text.substring(1);
    }

    /** The body as the one that acts: "UBND xã Cao Xá", "UBND huyện Tân Yên", "Sở Tư pháp". */
    public String committee() {
        return isPeoplesCommittee() ? "UBND " + inText() : name;
    }

    /** {@link #committee()} without the name, as "Chủ tịch, các PCT UBND xã" says it: "UBND xã", "Sở". */
    public String committeeOfLevel() {
        return isPeoplesCommittee() ? "UBND " + placeWord(level) : levelWord();
    }

    /** The body's leaders, as a list of recipients names them: "Chủ tịch, các PCT UBND xã", "Giám đốc, các PGĐ Sở". */
    public String leaders() {
        return isPeoplesCommittee() ? "Chủ tịch, các PCT " + committeeOfLevel() : departmentKind().leaders;
    }

    /**
     * The line above the issuing body's name (regular, upper case), or null: none for a People's Committee; a
     * department's province's People's Committee, "UBND TỈNH BẮC GIANG" ("UBND THÀNH PHỐ HẢI PHÒNG" for a province
     * configured as "Thành phố …"), none while no province is configured.
     */
    public String superior() {
        if (isPeoplesCommittee() || province.isEmpty()) {
            return null;
        }
        return upper(PROVINCE_WORD.matcher(province).find() ? "UBND " + province : "UBND tỉnh " + province);
    }

    /** The issuing body's lines (bold, upper case): "ỦY BAN NHÂN DÂN" / "XÃ CAO XÁ"; "SỞ TƯ PHÁP". */
    public List<String> issuerLines() {
        return isPeoplesCommittee() ? List.of("ỦY BAN NHÂN DÂN", upper(inText())) : List.of(upper(name));
    }

    /**
     * The abbreviation after the kind of document in its number ({@code /BC-UBND}): UBND for a People's Committee;
     * a department's from its name: S and the initials after "Sở" (Sở Tư pháp → STP, Sở Giáo dục và Đào tạo →
     * SGDĐT), BQL for a Ban Quản lý, TTr for a Thanh tra, VP for a Văn phòng, else the words' initials.
     */
    public String abbreviation() {
        if (isPeoplesCommittee()) {
            return "UBND";
        }
        String lower = name.toLowerCase(VIETNAMESE);
        if (lower.startsWith("ban quản lý")) {
            return "BQL";
        }
        if (lower.startsWith("thanh tra")) {
            return "TTr";
        }
        if (lower.startsWith("văn phòng")) {
            return "VP";
        }
        StringBuilder initials = new StringBuilder();
        for (String word : name.split("[\\s\\-–—,/()]+")) {
            if (word.isEmpty() || word.equalsIgnoreCase("và") || word.equalsIgnoreCase("các")
                    || word.equalsIgnoreCase("tỉnh")) {
                continue;
            }
            initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
        }
        return initials.isEmpty() ? "VP" : initials.toString();
    }

    /** The signature's authority lines when the head signs: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"; "GIÁM ĐỐC". */
    public List<String> headSigner() {
        return isPeoplesCommittee() ? List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") : List.of(departmentKind().head);
    }

    /**
     * The signature's authority lines when a deputy signs for the head: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" /
     * "PHÓ CHỦ TỊCH"; "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC".
     */
    public List<String> deputySigner() {
        if (isPeoplesCommittee()) {
            return List.of("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
        }
        String head = departmentKind().head;
        return List.of("KT. " + head, "PHÓ " + head);
    }

    /**
     * The place a document is dated from (địa danh): a People's Committee's own name ("Tân Yên"); for a department
     * the province's, without "Tỉnh"/"Thành phố" ("Bắc Giang"), or "…" while none is configured.
     */
    public String place() {
        if (isPeoplesCommittee()) {
            return name;
        }
        return province.isEmpty() ? "…" : PROVINCE_WORD.matcher(province).replaceFirst("");
    }

    /** The word of a People's Committee's level, lower case: xã, phường, đặc khu, huyện. */
    static String placeWord(BodyLevel level) {
        return switch (level) {
            case COMMUNE -> "xã";
            case WARD -> "phường";
            case SPECIAL_ZONE -> "đặc khu";
            case DISTRICT -> "huyện";
            case DEPARTMENT -> throw new IllegalArgumentException("A department has no place word");
        };
    }

    /** What a department is by the word it is named by: its head's title and how recipients name its leaders. */
    private enum DepartmentKind {
        SO("Sở", "GIÁM ĐỐC", "Giám đốc, các PGĐ Sở"),
        BAN("Ban", "TRƯỞNG BAN", "Trưởng ban, các Phó Trưởng ban"),
        THANH_TRA("Thanh tra", "CHÁNH THANH TRA", "Chánh Thanh tra, các Phó Chánh Thanh tra"),
        VAN_PHONG("Văn phòng", "CHÁNH VĂN PHÒNG", "Chánh Văn phòng, các Phó Chánh Văn phòng"),
        OTHER("cơ quan", "THỦ TRƯỞNG CƠ QUAN", "Lãnh đạo cơ quan");

        final String word;
        final String head;
        final String leaders;

        DepartmentKind(String word, String head, String leaders) {
            this.word = word;
            this.head = head;
            this.leaders = leaders;
        }
    }

    private DepartmentKind departmentKind() {
        String lower = name.toLowerCase(VIETNAMESE);
        for (DepartmentKind kind : DepartmentKind.values()) {
            if (kind != DepartmentKind.OTHER && lower.startsWith(kind.word.toLowerCase(VIETNAMESE) + " ")) {
                return kind;
            }
        }
        return DepartmentKind.OTHER;
    }

    private static String upper(String text) {
        return text.toUpperCase(VIETNAMESE);
    }
}
