package vn.parindex.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.Actor;
import vn.parindex.audit.AuditTrail;
import vn.parindex.system.BodyScope;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.TextRule;

/**
 * The deployment's bodies (đơn vị được đánh giá): read by everyone who needs to name one, created by the
 * province's Home Affairs only. A body's own data is never read here: only the list of bodies, which the database
 * shows a body's connection only its own row of (V17); so the list is read here in every body's scope, before any
 * transaction (a caller inside one gets {@link BodyScope}'s refusal unless it already works on every body).
 */
@Service
public class Bodies {

    static final String ENTITY = "BODY";

    private final BodyRepository bodies;
    private final BodyList list;
    private final AuditTrail audit;
    private final org.springframework.beans.factory.ObjectProvider<vn.parindex.database.RowSecurityCheck> rowSecurity;

    Bodies(BodyRepository bodies, BodyList list, AuditTrail audit,
            org.springframework.beans.factory.ObjectProvider<vn.parindex.database.RowSecurityCheck> rowSecurity) {
        this.bodies = bodies;
        this.list = list;
        this.audit = audit;
        this.rowSecurity = rowSecurity;
    }

    /** Every body, in the order they were added (the first is the install's own). */
    public List<BodyRef> all() {
        return list.all();
    }

    /** The body of that code (any case), if any; a text that cannot be a code is none. */
    public Optional<BodyRef> byCode(String code) {
        return Body.code(code).flatMap(c -> all().stream().filter(b -> b.code().equalsIgnoreCase(c)).findFirst());
    }

    public Optional<BodyRef> byId(long id) {
        return all().stream().filter(b -> b.id() == id).findFirst();
    }

    /**
     * The body this thread works on ({@link BodyScope}): whose name and level pages and documents speak
     * ("UBND xã …"); refused when the thread works on every body or none.
     */
    public BodyRef current() {
        long id = BodyScope.requireBody();
        // the body's own row is visible in its own scope (V17): no change of scope, so callable in a transaction
        return bodies.findById(id).map(Bodies::ref).orElseThrow(() -> new IllegalStateException("No body " + id));
    }

    /** How many bodies the deployment holds: with one, nothing of the province's shows. */
    public long count() {
        return all().size();
    }

    /** The first body (the install's own, Tân Yên's on a new install): where start-up seeds and bootstraps. */
    public BodyRef first() {
        return all().get(0);
    }

    /** Start-up work on the install's own data (the seeders), which may fail reading its files. */
    @FunctionalInterface
    public interface SeedWork {
        void run() throws java.io.IOException;
    }

    /** Runs start-up work in the first body's scope, in a transaction of its own. */
    public void seedFirst(org.springframework.transaction.support.TransactionTemplate transactions, SeedWork work) {
        BodyScope.run(first().id(), () -> transactions.executeWithoutResult(status -> {
            try {
                work.run();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    /**
     * Adds a body: a code of capitals, digits, '_' or '-' (an administrative code or a short name) unused by any
     * other body, a name, a level. Refused with the fields' problems (400) or, for a code in use, 409.
     */
    @Transactional
    @PreAuthorize("hasRole('PROVINCE')")
    public BodyRef create(Actor actor, String code, String name, String level) {
        FieldErrors errors = new FieldErrors();
        String cleanCode = Body.code(code).orElse(null);
        if (cleanCode == null) {
            errors.add("code", "body.codeInvalid");
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            errors.add("name", "body.nameRequired");
        } else if (cleanName.length() > Body.MAX_NAME_LENGTH) {
            errors.add("name", "body.nameTooLong");
        } else if (TextRule.problem(cleanName, false) != null) {
            errors.add("name", TextRule.problem(cleanName, false));
        }
        BodyLevel parsed = BodyLevel.parse(level);
        if (parsed == null) {
            errors.add("level", "body.levelInvalid");
        }
        errors.throwIfAny();
        // a second body only where the database keeps bodies apart (the start refuses several otherwise)
        vn.parindex.database.RowSecurityCheck check = rowSecurity.getIfAvailable();
        if (check != null && !check.bindsTheApplication()) {
            throw new ConflictException("conflict.bodiesNotApart", 0);
        }
        Optional<Body> existing = bodies.findByCode(cleanCode);
        if (existing.isPresent()) {
            throw new ConflictException("conflict.bodyCode", existing.get().getVersion());
        }
        Body body;
        try {
            body = bodies.saveAndFlush(new Body(cleanCode, cleanName, parsed));
        } catch (DataIntegrityViolationException e) {
            // the same code added by a parallel request (body_code_key)
            throw new ConflictException("conflict.bodyCode", 0);
        }
        audit.record(actor, ENTITY, body.getId(), null, "code", null, cleanCode, "Thêm đơn vị được đánh giá");
        audit.record(actor, ENTITY, body.getId(), null, "name", null, cleanName, null);
        audit.record(actor, ENTITY, body.getId(), null, "level", null, parsed.name(), null);
        return ref(body);
    }

    static BodyRef ref(Body body) {
        return new BodyRef(body.getId(), body.getCode(), body.getName(), body.getLevel());
    }
}
