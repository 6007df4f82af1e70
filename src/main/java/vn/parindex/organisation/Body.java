package vn.parindex.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A body that keeps a PAR index and a plan (đơn vị được đánh giá): a commune, ward or special zone, a department,
 * or a district until 2025. Everything else the application keeps (units, accounts, cycles, criteria, tasks,
 * reports, evidence, history) belongs to one body; the database shows a connection only its body's rows (V17).
 */
@Entity
@Table(name = "body")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Body {

    /** Longest code: an administrative code ("25117") or a short name ("TAN_YEN"). */
    public static final int MAX_CODE_LENGTH = 32;
    /** Longest name (column {@code body.name}). */
    public static final int MAX_NAME_LENGTH = 200;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0," + (MAX_CODE_LENGTH - 1) + "}");

    /** A code as typed (any case, surrounding spaces), written as stored, or empty when it cannot be a body's. */
    public static Optional<String> code(String typed) {
        if (typed == null || typed.length() > 4 * MAX_CODE_LENGTH) {
            return Optional.empty();
        }
        String code = typed.strip().toUpperCase(Locale.ROOT);
        return CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    /** The place's own name without its level: "Tân Yên", "Việt Yên"; a department's full name: "Sở Tư pháp". */
    private String name;

    @Enumerated(EnumType.STRING)
    private BodyLevel level;

    private OffsetDateTime createdAt = OffsetDateTime.now();

    @Version
    private long version;

    Body(String code, String name, BodyLevel level) {
        this.code = code;
        this.name = name;
        this.level = level;
    }
}
