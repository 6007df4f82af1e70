package vn.parindex.organisation;

import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.Actor;
import vn.parindex.audit.AuditTrail;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.NotFoundException;

/**
 * Home Affairs keeps the list of units: adds offices and communes, renames them, retires them. Only ADMIN may
 * change them ({@code @PreAuthorize}; method security is on in the security configuration).
 */
@Service
public class UnitAdminService {

    static final String ENTITY = "UNIT";
    /** Longest unit name (column {@code unit.name}). */
    static final int MAX_NAME_LENGTH = 200;

    private final UnitRepository units;
    private final AuditTrail audit;

    UnitAdminService(UnitRepository units, AuditTrail audit) {
        this.units = units;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Unit> all() {
        return units.findAllByOrderByIdAsc();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Unit create(Actor admin, String code, String name, UnitKind kind) {
        FieldErrors errors = new FieldErrors();
        String cleanCode = Unit.code(code).orElse(null);
        if (cleanCode == null) {
            errors.add("code", "unit.codeInvalid");
        } else if (units.findByCode(cleanCode).isPresent()) {
            errors.add("code", "unit.codeTaken");
        }
        if (name == null || name.isBlank()) {
            errors.add("name", "unit.nameRequired");
        } else if (name.strip().length() > MAX_NAME_LENGTH) {
            errors.add("name", "unit.nameTooLong");
        }
        if (kind == null) {
            errors.add("kind", "unit.kindRequired");
        }
        errors.throwIfAny();
        Unit unit = units.save(new Unit(cleanCode, name.strip(), kind, Set.of()));
        audit.record(admin, ENTITY, unit.getId(), null, "code", null, cleanCode, "Thêm đơn vị");
        audit.record(admin, ENTITY, unit.getId(), null, "name", null, unit.getName(), null);
        return unit;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void update(Actor admin, long id, String name, boolean active, Long version) {
        Unit unit = units.findById(id).orElseThrow(() -> new NotFoundException("notFound.unit", id));
        FieldErrors errors = new FieldErrors();
        if (name == null || name.isBlank()) {
            errors.add("name", "unit.nameRequired");
        } else if (name.strip().length() > MAX_NAME_LENGTH) {
            errors.add("name", "unit.nameTooLong");
        }
        if (version == null) {
            errors.add("name", "version.required");
        }
        errors.throwIfAny();
        if (version != unit.getVersion()) {
            throw new ConflictException("conflict.unit", unit.getVersion());
        }
        audit.record(admin, ENTITY, id, null, "name", unit.getName(), name.strip(), null);
        audit.record(admin, ENTITY, id, null, "active", unit.isActive(), active, null);
        unit.change(name.strip(), active);
        units.saveAndFlush(unit);
    }
}
