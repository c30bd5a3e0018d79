package org.haolin.pairing.internal;

import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.platform.DomainException;
import org.springframework.stereotype.Component;

import static haolin.schema.Tables.RESIDENT;

/**
 * Finds a resident for someone holding a permission over their stairwell; everybody else is told the
 * resident does not exist, so its existence is not revealed.
 */
@Component
public class PairingAccess {

    private final org.jooq.DSLContext db;
    private final Scopes scopes;

    PairingAccess(org.jooq.DSLContext db, Scopes scopes) {
        this.db = db;
        this.scopes = scopes;
    }

    public ResidentPlace resident(HaolinUser user, Permission permission, long residentId) {
        return db.select(RESIDENT.ID, RESIDENT.TOWN_ID, RESIDENT.AREA_ID, RESIDENT.AREA_PATH, RESIDENT.NAME)
                .from(RESIDENT)
                .where(RESIDENT.ID.eq(residentId), scopes.of(user, permission).on(RESIDENT.TOWN_ID, RESIDENT.AREA_PATH))
                .fetchOptional(r -> new ResidentPlace(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()))
                .orElseThrow(() -> DomainException.notFound("pairing.resident.notFound", residentId));
    }
}
