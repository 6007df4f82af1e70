package vn.parindex.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/** One changed field (lịch sử thay đổi): append-only, enforced by the database as well. */
@Entity
@Table(name = "change_history")
@Immutable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ChangeHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private OffsetDateTime at;

    private Long userId;

    private String username;

    private String entityType;

    private Long entityId;

    private Long criterionId;

    private String field;

    private String oldValue;

    private String newValue;

    private String comment;

    ChangeHistory(OffsetDateTime at, Actor actor, String entityType, long entityId, Long criterionId, String field,
            String oldValue, String newValue, String comment) {
        this.at = at;
        this.userId = actor.userId();
        this.username = actor.username();
        this.entityType = entityType;
        this.entityId = entityId;
        this.criterionId = criterionId;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.comment = comment;
    }
}
