package vn.parindex.security;

import vn.parindex.system.BodyScope;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Column;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import vn.parindex.organisation.Unit;

/** An account of the tracker (tài khoản), with a BCrypt password hash. */
@Entity
@Table(name = "app_user")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AppUser {

    /** The entity type of an account's changes in the change history. */
    public static final String ENTITY = "USER";
    /**
     * No password of this app is longer (new ones at most 256 characters, {@code accounts.AccountService}): a longer
     * one presented is refused without hashing it.
     */
    public static final int MAX_PRESENTED_PASSWORD = 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String displayName;

    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    /** The unit a unit head answers for; optional for other roles. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    private boolean enabled = true;

    /**
     * The body the account belongs to; null for the province's accounts ({@link Role#PROVINCE}). Never changes; the
     * database refuses a body other than the one the connection works on, and a province account with a body.
     */
    @Column(name = "body_id", updatable = false)
    private Long bodyId;

    /**
     * Whether the account still has the first password it was handed (V18): until the person chooses their own,
     * only the password page opens ({@code PasswordChangeFilter}).
     */
    private boolean passwordChangeRequired;

    /** Where the daily digest goes (optional; V11 checks its shape too). */
    private String email;

    private OffsetDateTime createdAt = OffsetDateTime.now();

    @Version
    private long version;

    /** An account of the body this thread works on ({@link BodyScope}), or of none for the province's. */
    public AppUser(String username, String displayName, String passwordHash, Role role, Unit unit) {
        this(username, displayName, passwordHash, role, unit, role == Role.PROVINCE ? null : BodyScope.body());
    }

    /** An account of that body (null: the province's). */
    public AppUser(String username, String displayName, String passwordHash, Role role, Unit unit, Long bodyId) {
        if (role == Role.UNIT_HEAD && unit == null) {
            throw new IllegalArgumentException("A unit head must belong to a unit");
        }
        this.username = username.strip().toLowerCase(Locale.ROOT);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.unit = unit;
        this.bodyId = bodyId;
    }

    /** A new password's hash (set by {@code accounts.AccountService}; the login upgrades old hashes in SQL). */
    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
    }

    /** A first password handed out: to be changed at first sign-in. */
    public void requirePasswordChange() {
        this.passwordChangeRequired = true;
    }

    /** The person chose their own password. */
    public void passwordChosen() {
        this.passwordChangeRequired = false;
    }

    public void changeEmail(String email) {
        this.email = email;
    }

    public void changeDetails(String displayName, Role role, Unit unit, boolean enabled) {
        if (role == Role.UNIT_HEAD && unit == null) {
            throw new IllegalArgumentException("A unit head must belong to a unit");
        }
        this.displayName = displayName;
        this.role = role;
        this.unit = unit;
        this.enabled = enabled;
    }
}
