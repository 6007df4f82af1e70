package vn.parindex.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.parindex.audit.HistoryEntry;
import vn.parindex.web.VietnameseNumbers;

/**
 * The change history as people read it: each person by name and office ("Trưởng phòng Tư pháp (Phòng Tư pháp)"),
 * never by login; statuses, roles, events and yes/no by their words; scores written the Vietnamese way
 * ({@code 2,8000}); units by name, never by code. The lines hold message keys where a word depends on the language
 * ({@link Shown}), so a page kept for every reader and language (the criterion page's) can keep them.
 */
@Component
public class ReadableHistory {

    /** A value shown: a message key (with no arguments) or a text as is. */
    public record Shown(String key, String text) {

        static Shown text(String text) {
            return new Shown(null, text == null ? "" : text);
        }

        static Shown key(String key) {
            return new Shown(key, null);
        }
    }

    /** A line of a history table. */
    public record Line(String at, Shown by, String fieldKey, Shown oldValue, Shown newValue, String comment) {
    }

    /** A number the way the database keeps a score: {@code 2.8000}. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,6}\\.\\d{1,6}");

    /** Fields whose values are scores (a text that merely looks like a number, "2.5" in a note, stays as typed). */
    private static final Set<String> SCORE_FIELDS = Set.of("CRITERION.baselineScore", "CRITERION.targetScore",
            "CRITERION.currentScore", "CRITERION.appraisedScore", "ASSESSMENT.score", "PEER_DISTRICT.total");

    /** Fields whose values are unit codes, separated by ", ". */
    private static final Set<String> UNIT_FIELDS = Set.of("ASSIGNMENT.leadUnits", "ASSIGNMENT.coordinatingUnits",
            "USER.unit");

    /** Fields whose values are an enumeration: the message key prefix of their words. */
    private static final Map<String, String> ENUM_FIELDS = Map.of("ASSESSMENT.status", "assessment.status.",
            "TASK.status", "taskStatus.", "REPORT_INPUT.status", "reports.status.", "USER.role", "role.",
            "CRITERION.scoringMethod", "scoringMethod.");

    /** What the assignment history wrote for "no unit of its own" before it wrote nothing. */
    private static final String INHERITED_BEFORE = "(theo cấp trên)";

    private final JdbcClient jdbc;
    private final VietnameseNumbers fmt;
    private final MessageSource messages;

    ReadableHistory(JdbcClient jdbc, VietnameseNumbers fmt, MessageSource messages) {
        this.jdbc = jdbc;
        this.fmt = fmt;
        this.messages = messages;
    }

    /** Every account's name and office by login, and every unit's name by code. */
    public record Directory(Map<String, String> people, Map<String, String> units) {

        /** A person by name and office, never by login (a login no longer known as is). */
        public String person(String username) {
            return username == null ? null : people.getOrDefault(username, username);
        }
    }

    /** The lines of {@code entries}, in their order (one statement: the accounts and the units). */
    public List<Line> lines(List<HistoryEntry> entries) {
        return entries.isEmpty() ? List.of() : lines(entries, directory());
    }

    /** The same, with the names already read ({@link #directory()}). */
    public List<Line> lines(List<HistoryEntry> entries, Directory directory) {
        Map<String, String> people = directory.people();
        Map<String, String> units = directory.units();
        List<Line> lines = new ArrayList<>(entries.size());
        for (HistoryEntry h : entries) {
            String field = h.entityType() + "." + h.field();
            lines.add(new Line(fmt.dateTime(h.at()), person(h.by(), people), "history." + field,
                    value(h.entityType(), h.field(), h.oldValue(), units),
                    value(h.entityType(), h.field(), h.newValue(), units), h.comment()));
        }
        return lines;
    }

    /**
     * Each account's name and office by login ("Trưởng phòng Tư pháp", "Nguyễn Văn A (Phòng Tư pháp)") and each
     * unit's name by code, in one statement.
     */
    public Directory directory() {
        Map<String, String> people = new HashMap<>();
        Map<String, String> units = new HashMap<>();
        jdbc.sql("""
                select 'P', u.username, u.display_name, n.name from app_user u left join unit n on n.id = u.unit_id
                union all
                select 'U', code, name, null from unit""")
                .query((rs, i) -> "P".equals(rs.getString(1))
                        ? people.put(rs.getString(2), label(rs.getString(3), rs.getString(4)))
                        : units.put(rs.getString(2), rs.getString(3)))
                .list();
        return new Directory(people, units);
    }

    /** A person as pages show them; the application itself by its word; a login no longer known as is. */
    public static Shown person(String username, Map<String, String> people) {
        if (username == null || "system".equals(username)) {
            return Shown.key("history.system");
        }
        String label = people.get(username);
        return Shown.text(label != null ? label : username);
    }

    /** A name with its office, the office left out when the name already says it. */
    static String label(String displayName, String unitName) {
        Locale vi = Locale.forLanguageTag("vi");
        if (unitName == null || displayName.toLowerCase(vi).contains(unitName.toLowerCase(vi))) {
            return displayName;
        }
        return displayName + " (" + unitName + ")";
    }

    private Shown value(String entityType, String field, String raw, Map<String, String> units) {
        String key = entityType + "." + field;
        if (UNIT_FIELDS.contains(key)) {
            if (raw == null || raw.isBlank() || INHERITED_BEFORE.equals(raw)) {
                return key.startsWith("ASSIGNMENT") ? Shown.key("history.value.inherited") : Shown.text("");
            }
            return Shown.text(Arrays.stream(raw.split(",\\s*")).map(code -> units.getOrDefault(code, code))
                    .collect(Collectors.joining("; ")));
        }
        if (raw == null || raw.isEmpty()) {
            return Shown.text("");
        }
        if ("event".equals(field)) {
            return known("history.event." + raw, raw);
        }
        String prefix = ENUM_FIELDS.get(key);
        if (prefix != null) {
            return known(prefix + raw, raw);
        }
        if ("true".equals(raw) || "false".equals(raw)) {
            return Shown.key("history.value." + raw);
        }
        if (SCORE_FIELDS.contains(key) && DECIMAL.matcher(raw).matches()) {
            return Shown.text(fmt.score(new BigDecimal(raw)));
        }
        return Shown.text(raw);
    }

    /** The key when the bundles have it, else the value as is (a value written before its word existed). */
    private Shown known(String key, String raw) {
        return messages.getMessage(key, null, null, Locale.forLanguageTag("vi")) != null ? Shown.key(key) : Shown.text(raw);
    }
}
