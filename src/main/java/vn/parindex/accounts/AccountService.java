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
    /** The HTTP sessions, in PostgreSQL (Spring Session JDBC), found by the account name they are signed in with. */
    private final org.springframework.session.FindByIndexNameSessionRepository<?> sessions;

    AccountService(AppUserRepository users, UnitRepository units, PasswordEncoder passwordEncoder,
            AuditTrail audit, org.springframework.session.FindByIndexNameSessionRepository<?> sessions) {
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
        account.passwordChosen();
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

    /** An account made with a first password, as handed out once (the password is stored only as its hash). */
    public record FirstAccount(String username, String firstPassword, String displayName, String unitCode,
            String unitName) {

        @Override
        public String toString() {
            // never the password in a log line
            return "FirstAccount[" + username + ", " + unitCode + "]";
        }
    }

    /** Letters and digits no one reads wrong on paper (no 0/O, 1/l/I). */
    private static final char[] FIRST_PASSWORD_ALPHABET =
            "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** A first password: four groups of four random characters ("k7Qm-x9Pz-3fRt-8wHn"), some 94 bits. */
    static String firstPassword() {
        StringBuilder password = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(FIRST_PASSWORD_ALPHABET[RANDOM.nextInt(FIRST_PASSWORD_ALPHABET.length)]);
        }
        return password.toString();
    }

    /** Whether a text is an e-mail address an account may have (one address, at most 254 characters). */
    public static boolean isEmail(String text) {
        return text != null && text.strip().length() <= 254 && EMAIL.matcher(text.strip()).matches();
    }

    /** Whether a head's name fits an account's display name (at most 200 characters). */
    public static boolean fitsDisplayName(String text) {
        return text != null && !text.isBlank()
                && text.strip().codePointCount(0, text.strip().length()) <= MAX_DISPLAY_NAME_LENGTH;
    }

    /** Whether the unit (of the body this thread works on) has a head's account already. */
    @Transactional(readOnly = true)
    public boolean hasHead(long unitId) {
        return !users.headsOf(unitId).isEmpty();
    }

    /**
     * The user name a unit's head gets: the body's code and the unit's, lower case ({@code xa_thu.vp}), at most 64
     * characters, with "-2", "-3"… when an account anywhere on the deployment (user names are the deployment's) or
     * one of {@code reserved} (made earlier in the same import) has it.
     */
    @Transactional(readOnly = true)
    public String freeUsername(String bodyCode, String unitCode, java.util.Set<String> reserved) {
        String base = (bodyCode + "." + unitCode).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
        if (base.length() > 60) {
            base = base.substring(0, 60);
        }
        String name = base;
        for (int n = 2; reserved.contains(name) || users.usernameTaken(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /**
     * Makes a unit head's account with a random first password, to be changed at first sign-in
     * ({@code password_change_required}); the password is returned once, to be handed out, and stored only as its
     * hash. For the body this thread works on; Home Affairs (the body's or the province's) only.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public FirstAccount createUnitHead(CurrentUser admin, String username, long unitId, String displayName,
            String email) {
        Unit unit = units.findById(unitId).orElseThrow(() -> new NotFoundException("notFound.unit", unitId));
        String password = firstPassword();
        AppUser fresh = new AppUser(username, displayName.strip(), passwordEncoder.encode(password), Role.UNIT_HEAD,
                unit);
        fresh.changeEmail(email(email));
        fresh.requirePasswordChange();
        AppUser account;
        try {
            account = users.saveAndFlush(fresh);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            if (vn.parindex.system.UniqueViolations.isUniqueViolation(e)) {
                throw new ConflictException("account.usernameTaken", 0);
            }
            throw e;
        }
        audit.record(admin.actor(), ENTITY, account.getId(), null, "username", null, account.getUsername(),
                "Tạo tài khoản người đứng đầu từ danh sách nhập");
        audit.record(admin.actor(), ENTITY, account.getId(), null, "role", null, Role.UNIT_HEAD, null);
        audit.record(admin.actor(), ENTITY, account.getId(), null, "unit", null, unit.getCode(), null);
        return new FirstAccount(account.getUsername(), password, account.getDisplayName(), unit.getCode(),
                unit.getName());
    }

    /**
     * Ends the account's open sessions but {@code keptSessionId}, so a new role, a disabling or a new password
     * applies at once: their rows are deleted from the database once the change is committed, so every instance
     * finds no session at the person's next request and asks them to sign in again ({@code /login?expired}).
     */
    private void endSessions(String username, String keptSessionId) {
        Runnable end = () -> sessions.findByPrincipalName(username).keySet().stream()
                .filter(id -> !id.equals(keptSessionId))
                .forEach(sessions::deleteById);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            end.run();
                        }
                    });
        } else {
            end.run();
        }
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
