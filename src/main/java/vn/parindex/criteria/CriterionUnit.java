package vn.parindex.criteria;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A unit named directly on a criterion, as lead or coordinating unit; children without any inherit. */
@Entity
@Table(name = "criterion_unit")
@IdClass(CriterionUnit.Key.class)
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CriterionUnit {

    @Id
    private Long criterionId;

    @Id
    @Enumerated(EnumType.STRING)
    private UnitRole role;

    @Id
    private Long unitId;

    private int position;

    public CriterionUnit(Long criterionId, UnitRole role, Long unitId, int position) {
        this.criterionId = criterionId;
        this.role = role;
        this.unitId = unitId;
        this.position = position;
    }

    /** Composite key of {@link CriterionUnit}. */
    public record Key(Long criterionId, UnitRole role, Long unitId) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
