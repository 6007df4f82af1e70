package vn.parindex.dossier;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names of the entries in the dossier's .zip that any Windows extracts as they are: Vietnamese letters kept (composed,
 * NFC), the characters Windows refuses in a name ({@code < > : " / \ | ? *}), control and invisible formatting
 * characters replaced by {@code _}, no trailing dot or space, no device name ({@code CON}, {@code NUL.pdf},
 * {@code com1.txt} become {@code _CON}, …), at most {@link #MAX_LENGTH} characters with the extension kept, and one
 * name once per folder whatever its case ({@code Bao-cao.pdf}, {@code bao-cao (2).pdf}). Pure: one instance per
 * archive remembers the names it gave.
 */
final class ArchiveNames {

    /** Longest name of a file or folder: a deep extraction folder must still stay within Windows' 260. */
    static final int MAX_LENGTH = 100;

    /** Longest extension kept whole when a name is shortened. */
    private static final int MAX_EXTENSION = 10;

    private static final String FORBIDDEN = "<>:\"/\\|?*";
    private static final Pattern RESERVED = Pattern.compile("(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\\$|CONOUT\\$)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final Map<String, Set<String>> taken = new HashMap<>();

    /** A folder at the archive's root for {@code wanted} (a criterion's code), unique among the root's names. */
    String folder(String wanted) {
        return unique(taken(""), safe(wanted), false);
    }

    /**
     * A file's path: {@code folder/name}, or {@code name} at the root when {@code folder} is empty; the name safe and
     * unique in its folder. {@code folder} must come from {@link #folder}.
     */
    String file(String folder, String wanted) {
        String name = unique(taken(folder), safe(wanted), true);
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    private Set<String> taken(String folder) {
        return taken.computeIfAbsent(folder, f -> new HashSet<>());
    }

    /** One name (no folders) as Windows accepts it; see the class. */
    static String safe(String wanted) {
        String name = wanted == null ? "" : Normalizer.normalize(wanted, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            boolean bad = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || FORBIDDEN.indexOf(cp) >= 0
                    || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE
                    || Character.getType(cp) == Character.UNASSIGNED || Character.getType(cp) == Character.PRIVATE_USE
                    || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR;
            if (bad) {
                out.append('_');
            } else {
                out.appendCodePoint(Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : cp);
            }
        }
        String named = reservedAvoided(bounded(trimmed(out.toString()), MAX_LENGTH));
        return named.length() > MAX_LENGTH ? bounded(named, MAX_LENGTH) : named;
    }

    /** No space in front, no dot or space at the end (Windows drops them, so two names would become one). */
    private static String trimmed(String name) {
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        String t = name.substring(0, end).stripLeading();
        return t.isEmpty() ? "_" : t;
    }

    /** {@code CON}, {@code nul.pdf}, {@code COM1 .txt}: a device to Windows, so given a leading {@code _}. */
    private static String reservedAvoided(String name) {
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).stripTrailing();
        return RESERVED.matcher(stem).matches() ? "_" + name : name;
    }

    /** The name cut to {@code max} characters (never inside a letter), its extension kept. */
    static String bounded(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION + 1 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int keep = max - extension.length();
        if (Character.isHighSurrogate(stem.charAt(keep - 1))) {
            keep--;
        }
        return trimmed(stem.substring(0, keep)) + extension;
    }

    /**
     * {@code name}, or {@code name (2)}, {@code name (3)}… (before a file's extension: {@code name (2).pdf}), the
     * first not yet taken.
     */
    static String unique(Set<String> taken, String name, boolean file) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        boolean extended = file && dot > 0 && name.length() - dot <= MAX_EXTENSION + 1;
        String stem = extended ? name.substring(0, dot) : name;
        String extension = extended ? name.substring(dot) : "";
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")" + extension;
            candidate = bounded(stem, MAX_LENGTH - suffix.length()) + suffix;
        }
        return candidate;
    }
}
