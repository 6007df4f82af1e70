package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Every text people read comes from the message bundles: both languages have the same keys, every key a template
 * names exists, and no template shows text of its own.
 */
class TranslationTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Attributes people read (or hear, through a screen reader). */
    static final Set<String> READABLE_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "label");

    /** Attributes that replace an element's content, so its own text is only a designer's placeholder. */
    static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:errors", "th:replace", "th:insert",
            "th:remove");

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
}
