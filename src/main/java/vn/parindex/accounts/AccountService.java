package vn.parindex.accounts;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.AuditTrail;
import vn.parindex.organisation.Unit;
import vn.parindex.organisation.UnitRepository;
import vn.parindex.security.AppUser;
import vn.parindex.security.AppUserRepository;
import vn.parindex.security.CurrentUser;
import vn.parindex.security.Role;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.NotFoundException;

/**
 * Accounts: everyone changes their own password; ADMIN creates accounts, sets role and unit, resets passwords
 * and disables accounts (only ADMIN: {@code @PreAuthorize}). Every change is on record (passwords never are, only
 * that they changed).
 */
@Service
public class AccountService {

    static final String ENTITY = AppUser.ENTITY;
    /** New passwords: at least 12 characters (OWASP ASVS level 2), at most 256; passphrases welcome. */
    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_PASSWORD_LENGTH = 256;
    /** Longest display name (column {@code app_user.display_name}, varchar(200)). */
    static final int MAX_DISPLAY_NAME_LENGTH = 200;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    private final AppUserRepository users;
    private final UnitRepository units;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final org.springframework.security.core.session.SessionRegistry sessions;

    AccountService(AppUserRepository users, UnitRepository units, PasswordEncoder passwordEncoder,
            AuditTrail audit, org.springframework.security.core.session.SessionRegistry sessions) {
        this.sessions = sessions;
        this.users = users;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    /** An account's editable details as typed in a form. */
    public record AccountForm(String username, String displayName, Role role, String unitCode, String password,
            Boolean enabled, Long version, String email) {
    }

    /** An e-mail address as the digest needs it: one address, no spaces or separators, at most 254 characters. */
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s\\p{Cntrl}<>,;\"]+@[^@\\s\\p{Cntrl}<>,;\"]+\\.[^@\\s\\p{Cntrl}<>,;\"]+");

    /** The address typed, stripped; null when blank. */
    private static String email(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    /**
     * Changes the signed-in person's own password and ends their other sessions; the session
     * {@code keptSessionId} (the one they changed it in, if any) stays signed in.
     */
    @Transactional
    public void changeOwnPassword(CurrentUser user, String current, String fresh, String confirmation,
            String keptSessionId) {
        AppUser account = users.findById(user.id()).orElseThrow();
        FieldErrors errors = new FieldErrors();
        if (current == null || current.length() > AppUser.MAX_PRESENTED_PASSWORD
                || !passwordEncoder.matches(current, account.getPasswordHash())) {
            errors.add("currentPassword", "password.currentWrong");
        }
        checkNewPassword(fresh, confirmation, "newPassword", account.getUsername(), errors);
        if (fresh != null && current != null && fresh.equals(current)) {
            errors.add("newPassword", "password.same");
        }
        errors.throwIfAny();
        account.changePasswordHash(passwordEncoder.encode(fresh));
        audit.record(user.actor(), ENTITY, account.getId(), null, "password", null, "(đã đổi)",
                "Người dùng tự đổi mật khẩu");
        endSessions(account.getUsername(), keptSessionId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<AppUser> all() {
        // the province's accounts, which every body reads (their names on its records), are not the body's to manage
        return users.findAllWithUnits().stream().filter(u -> u.getRole() != Role.PROVINCE).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public AppUser get(long id) {
        return users.findByIdWithUnit(id).filter(u -> u.getRole() != Role.PROVINCE)
                .orElseThrow(() -> new NotFoundException("notFound.account", id));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AppUser create(CurrentUser admin, AccountForm form) {
        FieldErrors errors = new FieldErrors();
        String username = form.username() == null ? "" : form.username().strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            errors.add("username", "account.usernameInvalid");
        } else if (users.findByUsernameWithUnit(username).isPresent()) {
            errors.add("username", "account.usernameTaken");
        }
        Unit unit = checkDetails(form, errors);
        checkNewPassword(form.password(), form.password(), "password", username, errors);
        errors.throwIfAny();
        AppUser account;
        try {
            AppUser fresh = new AppUser(username, form.displayName().strip(),
                    passwordEncoder.encode(form.password()), form.role(), unit);
            fresh.changeEmail(email(form.email()));
            account = users.saveAndFlush(fresh);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            if (vn.parindex.system.UniqueViolations.isUniqueViolation(e)) {
                // created in parallel by another request after the check above: 409, nothing saved
                throw new ConflictException("account.usernameTaken", 0);
            }
            throw e;
        }
        audit.record(admin.actor(), ENTITY, account.getId(), null, "username", null, username, "Tạo tài khoản");
        audit.record(admin.actor(), ENTITY, account.getId(), null, "role", null, form.role(), null);
        audit.record(admin.actor(), ENTITY, account.getId(), null, "unit", null, unit == null ? null : unit.getCode(),
                null);
        return account;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AppUser update(CurrentUser admin, long id, AccountForm form) {
        AppUser account = get(id);
        if (form.version() == null || form.version() != account.getVersion()) {
            throw new ConflictException("conflict.account", account.getVersion());
        }
        FieldErrors errors = new FieldErrors();
        Unit unit = checkDetails(form, errors);
        boolean enabled = form.enabled() == null || form.enabled();
        if (account.getId().equals(admin.id()) && (!enabled || form.role() != Role.ADMIN)) {
            errors.add(!enabled ? "enabled" : "role", "account.notYourself");
        }
        errors.throwIfAny();
        String oldUnit = account.getUnit() == null ? null : account.getUnit().getCode();
        audit.record(admin.actor(), ENTITY, id, null, "displayName", account.getDisplayName(),
                form.displayName().strip(), null);
        audit.record(admin.actor(), ENTITY, id, null, "role", account.getRole(), form.role(), null);
        audit.record(admin.actor(), ENTITY, id, null, "unit", oldUnit, unit == null ? null : unit.getCode(), null);
        audit.record(admin.actor(), ENTITY, id, null, "enabled", account.isEnabled(), enabled, null);
        audit.record(admin.actor(), ENTITY, id, null, "email", account.getEmail(), email(form.email()), null);
        account.changeDetails(form.displayName().strip(), form.role(), unit, enabled);
        account.changeEmail(email(form.email()));
        users.saveAndFlush(account);
        endSessions(account.getUsername(), null);
        return account;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void resetPassword(CurrentUser admin, long id, String password) {
        AppUser account = get(id);
        FieldErrors errors = new FieldErrors();
        checkNewPassword(password, password, "password", account.getUsername(), errors);
        errors.throwIfAny();
        account.changePasswordHash(passwordEncoder.encode(password));
        audit.record(admin.actor(), ENTITY, id, null, "password", null, "(đặt lại)", "Quản trị đặt lại mật khẩu");
        endSessions(account.getUsername(), null);
    }

    /**
     * Ends the account's open sessions but {@code keptSessionId}, so a new role, a disabling or a new password
     * applies at once.
     */
    private void endSessions(String username, String keptSessionId) {
        sessions.getAllPrincipals().stream()
                .filter(p -> p instanceof CurrentUser u && u.username().equals(username))
                .flatMap(p -> sessions.getAllSessions(p, false).stream())
                .filter(session -> !session.getSessionId().equals(keptSessionId))
                .forEach(org.springframework.security.core.session.SessionInformation::expireNow);
    }

    private Unit checkDetails(AccountForm form, FieldErrors errors) {
        if (form.displayName() == null || form.displayName().isBlank()) {
            errors.add("displayName", "account.displayNameRequired");
        } else if (form.displayName().strip().codePointCount(0, form.displayName().strip().length())
                > MAX_DISPLAY_NAME_LENGTH) {
            errors.add("displayName", "account.displayNameTooLong");
        }
        if (form.role() == null) {
            errors.add("role", "account.roleRequired");
        } else if (form.role() == Role.PROVINCE) {
            // a body's account: the province's accounts belong to no body
            errors.add("role", "account.roleProvince");
        }
        String email = email(form.email());
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add("email", "account.emailInvalid");
        }
        Unit unit = null;
        if (form.unitCode() != null && !form.unitCode().isBlank()) {
            unit = units.findByCode(form.unitCode()).orElse(null);
            if (unit == null) {
                errors.add("unitCode", "account.unitUnknown");
            }
        }
        if (form.role() == Role.UNIT_HEAD && unit == null && !errors.has("unitCode")) {
            errors.add("unitCode", "account.unitRequired");
        }
        return unit;
    }

    /** A new password's rules (length, not the username, not a common password); {@code field} is the form's name for it (its confirmation is confirmPassword). */
    static void checkNewPassword(String fresh, String confirmation, String field, String username,
            FieldErrors errors) {
        int length = fresh == null ? 0 : fresh.codePointCount(0, fresh.length());
        if (length < MIN_PASSWORD_LENGTH) {
            errors.add(field, "password.tooShort");
        } else if (length > MAX_PASSWORD_LENGTH) {
            errors.add(field, "password.tooLong");
        } else if (CommonPasswords.isUsername(fresh, username)) {
            errors.add(field, "password.likeUsername");
        } else if (CommonPasswords.isCommon(fresh)) {
            errors.add(field, "password.common");
        } else if (!fresh.equals(confirmation)) {
            errors.add("confirmPassword", "password.mismatch");
        }
    }
}
