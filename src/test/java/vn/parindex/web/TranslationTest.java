package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * Every text people read comes from the message bundles: both languages have the same keys, each defined once,
 * every key a template names exists, no template shows text of its own, and no Vietnamese text is English left
 * untranslated.
 */
class TranslationTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Attributes people read (or hear, through a screen reader). */
    static final Set<String> READABLE_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "label");

    /** Attributes that replace an element's content, so its own text is only a designer's placeholder. */
    static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove",
            "th:errors");

    /** Characters that need no translation: digits, punctuation, symbols, spaces. */
    static final Pattern LANGUAGE_FREE = Pattern.compile("[\\p{N}\\p{P}\\p{S}\\s×]*");

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name));
                Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties vi = bundle("messages_vi.properties");
        Properties en = bundle("messages_en.properties");
        assertThat(vi).as("Vietnamese messages").isNotEmpty();
        assertThat(new TreeSet<>(en.stringPropertyNames())).as("English keys")
                .isEqualTo(new TreeSet<>(vi.stringPropertyNames()));
        vi.forEach((key, value) -> assertThat(value.toString().trim()).as("vi " + key).isNotEmpty());
        en.forEach((key, value) -> assertThat(value.toString().trim()).as("en " + key).isNotEmpty());
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Properties vi = bundle("messages_vi.properties");
        Pattern fixedKey = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
        Pattern prefixKey = Pattern.compile("#\\{'([A-Za-z0-9_.]+\\.)' \\+");
        List<String> missing = new ArrayList<>();
        int seen = 0;
        for (Path template : templates()) {
            String text = Files.readString(template);
            Matcher fixed = fixedKey.matcher(text);
            while (fixed.find()) {
                seen++;
                if (!vi.containsKey(fixed.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + fixed.group(1));
                }
            }
            Matcher prefix = prefixKey.matcher(text);
            while (prefix.find()) {
                String start = prefix.group(1);
                if (vi.stringPropertyNames().stream().noneMatch(k -> k.startsWith(start))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + start + "*");
                }
            }
        }
        assertThat(seen).as("message keys found in the templates").isGreaterThan(100);
        assertThat(missing).as("keys named by templates but missing from the bundles").isEmpty();
    }

    @Test
    void noTemplateShowsTextOfItsOwn() throws IOException {
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates()) {
            hardCoded.addAll(hardCodedText(TEMPLATES.relativize(template).toString(), Files.readString(template)));
        }
        assertThat(hardCoded).as("text in templates that does not come from the message bundles").isEmpty();
    }

    @Test
    void theCheckFindsHardCodedTextAndAttributes() {
        String page = """
                <div><p th:text="#{ok}">Mẫu</p><p>Xin chào</p><span> 12,5 – % </span>
                <button title="Đóng" th:aria-label="#{close}">×</button><img alt="Logo" src="x.png"></div>""";
        assertThat(hardCodedText("example.html", page))
                .containsExactly("example.html: <p> Xin chào", "example.html: <button title=\"Đóng\">",
                        "example.html: <img alt=\"Logo\">");
    }

    static List<String> hardCodedText(String name, String html) {
        Document document = Jsoup.parse(html);
        List<String> found = new ArrayList<>();
        for (Element element : document.getAllElements()) {
            // text marked with its own language (the language switch: VI, EN) is the same in every language
            if (replaced(element) || element.tagName().equals("script") || element.tagName().equals("style")
                    || element.hasAttr("lang")) {
                continue;
            }
            for (TextNode node : element.textNodes()) {
                String text = node.text().trim();
                if (!text.isEmpty() && !LANGUAGE_FREE.matcher(text).matches()) {
                    found.add(name + ": <" + element.tagName() + "> " + text);
                }
            }
        }
        for (Element element : document.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                if (READABLE_ATTRIBUTES.contains(attribute.getKey())
                        && !LANGUAGE_FREE.matcher(attribute.getValue()).matches()) {
                    found.add(name + ": <" + element.tagName() + " " + attribute.getKey() + "=\""
                            + attribute.getValue() + "\">");
                }
            }
        }
        return found;
    }

    /** Whether the element's content is replaced when rendered (by itself or an ancestor), or never rendered. */
    static boolean replaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            // a page's <html th:replace="~{fragments/layout :: layout(…, ~{::section})}"> renders its section
            if (e.tagName().equals("html")) {
                return false;
            }
            for (String attribute : REPLACING) {
                if (e.hasAttr(attribute)) {
                    return true;
                }
            }
        }
        return false;
    }

    // --- each key once ---

    static final List<String> BUNDLES = List.of("messages.properties", "messages_vi.properties",
            "messages_en.properties");

    /**
     * A key written twice in one file is a bug nobody sees: {@link Properties} silently keeps the last value, so one
     * page shows the other page's text. The files' own lines are read, as {@link Properties#load(Reader)} reads them.
     */
    @Test
    void noBundleDefinesAKeyTwice() throws IOException {
        for (String name : BUNDLES) {
            assertThat(duplicateKeys(Files.readString(Path.of("src/main/resources", name), StandardCharsets.UTF_8)))
                    .as("keys defined more than once in " + name).isEmpty();
        }
    }

    @Test
    void theDuplicateCheckReadsLinesAsPropertiesDoes() {
        String file = """
                # a.b=in a comment, not a key
                a.b=one
                long=first part \\
                    a.b=continued: part of long's value, not a key
                ! a.b also a comment
                c\\=d=an escaped separator belongs to the key
                c=d
                e.f : colon as separator
                   a.b = again, indented
                e.f two
                """;
        assertThat(duplicateKeys(file)).containsExactly("a.b (lines 2, 9)", "e.f (lines 8, 10)");
    }

    /** The keys defined more than once, each with the lines (1-based) of its definitions. */
    static List<String> duplicateKeys(String file) {
        String[] lines = file.split("\\r\\n|\\r|\\n", -1);
        Map<String, List<Integer>> seen = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            int first = i;
            String line = stripLeading(lines[i]);
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
                continue; // blank or a comment (a comment never continues on the next line)
            }
            StringBuilder logical = new StringBuilder();
            while (endsWithContinuation(line) && i + 1 < lines.length) {
                logical.append(line, 0, line.length() - 1);
                line = stripLeading(lines[++i]);
            }
            logical.append(line);
            seen.computeIfAbsent(key(logical.toString()), k -> new ArrayList<>()).add(first + 1);
        }
        List<String> duplicates = new ArrayList<>();
        seen.forEach((key, at) -> {
            if (at.size() > 1) {
                duplicates.add(key + " (lines " + String.join(", ", at.stream().map(String::valueOf).toList()) + ")");
            }
        });
        return duplicates;
    }

    private static String stripLeading(String line) {
        int start = 0;
        while (start < line.length() && " \t\f".indexOf(line.charAt(start)) >= 0) {
            start++;
        }
        return line.substring(start);
    }

    /** An odd number of backslashes at the end continues the line; an even number is escaped backslashes. */
    private static boolean endsWithContinuation(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The key: up to the first unescaped '=', ':' or white space, escapes removed. */
    private static String key(String logicalLine) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < logicalLine.length(); i++) {
            char c = logicalLine.charAt(i);
            if (c == '\\' && i + 1 < logicalLine.length()) {
                key.append(logicalLine.charAt(++i));
            } else if (c == '=' || c == ':' || " \t\f".indexOf(c) >= 0) {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    // --- no English left in the Vietnamese bundle ---

    /**
     * Latin words a Vietnamese text may keep as they are, because offices write them so: the index's and the
     * administration's own abbreviations (PAR Index, CCHC, UBND) and the names of file formats and programs people
     * choose files by (PDF, Word, Excel, CSV, ZIP, .xlsx, .docx, PNG, JPEG), e-mail. Nothing else: a word not here
     * in a text copied from the English bundle is a word nobody translated.
     */
    static final Set<String> KEPT_WORDS = Set.of("par", "cchc", "ubnd", "pdf", "word", "excel", "csv", "zip",
            "xlsx", "docx", "png", "jpeg", "email", "mail", "url");

    /** Keys whose value is not language but typed as it is: the restore command. */
    static final Set<String> NOT_LANGUAGE = Set.of("backup.restore.command");

    /**
     * Frequent English words of this application's texts, of 3 letters or more (shorter ones are Vietnamese words
     * too: "in", "to", "an"), leaving out the few that are also Vietnamese words without accents ("can", "ban",
     * "may", "hay", "tin"). A Vietnamese text whose words are mostly these was not translated.
     */
    static final Set<String> COMMON_ENGLISH = Set.of("the", "and", "for", "with", "this", "that", "not", "are",
            "was", "were", "has", "have", "had", "from", "your", "you", "been", "will", "could", "would", "should",
            "must", "all", "any", "one", "some", "more", "than", "into", "only", "each", "other", "its", "their",
            "there", "which", "what", "when", "where", "who", "how", "please", "try", "again", "enter", "choose",
            "save", "saved", "delete", "edit", "add", "new", "back", "show", "see", "list", "page", "file", "files",
            "name", "date", "status", "state", "report", "reports", "task", "tasks", "unit", "units", "score",
            "scores", "error", "invalid", "required", "missing", "value", "found", "yet", "here", "data", "update",
            "updated", "submit", "submitted", "sent", "send", "review", "approve", "approved", "returned", "return",
            "reason", "before", "after", "days", "day", "year", "month", "total", "target", "current", "criterion",
            "criteria", "domain", "password", "account", "sign", "download", "print", "import", "upload", "uploaded",
            "evidence", "change", "changes", "changed", "someone", "nothing", "cannot", "reload", "check",
            "explanation", "comment", "maximum", "points", "due", "late", "done", "progress", "overview", "ranking",
            "district", "plan", "cycle", "appraisal", "appraised", "self", "assessment", "assessments", "accepted",
            "accept");

    @Test
    void noVietnameseTextIsEnglishLeftUntranslated() throws IOException {
        assertThat(untranslated(bundle("messages_vi.properties"), bundle("messages_en.properties")))
                .as("Vietnamese messages that are English").isEmpty();
    }

    @Test
    void theUntranslatedCheckFindsEnglish() {
        Properties vi = new Properties();
        Properties en = new Properties();
        vi.setProperty("copied", "Save changes");
        en.setProperty("copied", "Save changes");
        vi.setProperty("half", "Please enter điểm");
        en.setProperty("half", "Enter a score");
        vi.setProperty("kept", "Tải Excel (.xlsx)");
        en.setProperty("kept", "Download Excel (.xlsx)");
        vi.setProperty("sameFormat", "{0,number,#}: {1} – PDF, CSV");
        en.setProperty("sameFormat", "{0,number,#}: {1} – PDF, CSV");
        vi.setProperty("vietnamese", "Xem tin bài, in phụ lục và tải lên tệp Word hoặc ZIP");
        en.setProperty("vietnamese", "See the news, print the appendix, upload Word or ZIP files");
        vi.setProperty("command", "java -jar app.jar");
        en.setProperty("command", "java -jar app.jar");
        assertThat(untranslated(vi, en)).containsExactly("command: java -jar app.jar", "copied: Save changes",
                "half: Please enter điểm");
    }

    /** The Vietnamese messages that are a copy of the English one with words to translate, or mostly English. */
    static List<String> untranslated(Properties vi, Properties en) {
        List<String> found = new ArrayList<>();
        for (String key : new TreeSet<>(vi.stringPropertyNames())) {
            if (NOT_LANGUAGE.contains(key)) {
                continue;
            }
            String value = vi.getProperty(key);
            List<String> words = words(value);
            boolean copied = value.equals(en.getProperty(key)) && words.stream()
                    .anyMatch(w -> w.length() >= 3 && w.matches("[A-Za-z]+")
                            && !KEPT_WORDS.contains(w.toLowerCase(Locale.ROOT)));
            long english = words.stream().filter(w -> COMMON_ENGLISH.contains(w.toLowerCase(Locale.ROOT))).count();
            if (copied || english >= 2 && english * 2 > words.size()) {
                found.add(key + ": " + value);
            }
        }
        return found;
    }

    /** The words of a message, its arguments ({0}, {1,number,#}, nested choices) left out. */
    static List<String> words(String message) {
        String text = message;
        for (String before = null; !text.equals(before); ) {
            before = text;
            text = text.replaceAll("\\{[^{}]*}", " ");
        }
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\\p{L}+").matcher(text);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }
}
