package vn.parindex.organisation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.LinkedHashSet;
import java.util.Set;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** An organisational unit (cơ quan, đơn vị): a district office, later a commune. */
@Entity
@Table(name = "unit")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Unit {

    /** What a unit code looks like (the column checks the characters too): 2–32 capitals, digits, underscores. */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z0-9_]{2,32}");

    /**
     * A code as typed (any case, surrounding spaces), written as stored, or empty when it cannot be a unit's code
     * ({@code unit.codeInvalid}): the one rule for unit administration and for filters by unit.
     */
    public static java.util.Optional<String> code(String typed) {
        String code = typed == null ? "" : typed.strip().toUpperCase(java.util.Locale.ROOT);
        return CODE.matcher(code).matches() ? java.util.Optional.of(code) : java.util.Optional.empty();
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Short code, e.g. {@code TUPHAP}. */
    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private UnitKind kind;

    private boolean active = true;

    /** Other spellings of the name as printed in plans, e.g. "Phòng VH-TT". */
    @ElementCollection
    @CollectionTable(name = "unit_alias", joinColumns = @JoinColumn(name = "unit_id"))
    @Column(name = "alias")
    private Set<String> aliases = new LinkedHashSet<>();

    @Version
    private long version;

    public Unit(String code, String name, UnitKind kind, Set<String> aliases) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.aliases.addAll(aliases);
    }

    /** Renames the unit and sets whether it is still in use (an inactive unit keeps its history). */
    public void change(String name, boolean active) {
        this.name = name;
        this.active = active;
    }

    /** Whether this unit goes by the given printed name, compared after {@link UnitNames#normalise}. */
    public boolean isNamed(String printedName) {
        String wanted = UnitNames.normalise(printedName);
        return UnitNames.normalise(name).equals(wanted)
                || UnitNames.normalise(code).equals(wanted)
                || aliases.stream().map(UnitNames::normalise).anyMatch(wanted::equals);
    }
}
