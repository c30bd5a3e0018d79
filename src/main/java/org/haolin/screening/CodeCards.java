package org.haolin.screening;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.platform.QrCodeSvg;
import org.haolin.resident.PersonalCodes;
import org.haolin.resident.ResidenceStatus;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static haolin.schema.Tables.PERSONAL_CODE;
import static haolin.schema.Tables.RESIDENT;

/**
 * Personal-code cards to print for a stairwell, one per resident living there (moved-out residents get none):
 * name, room, code text and its QR code. Residents without a code get one now. Printing is an export: audited.
 */
@Service
public class CodeCards {

    private final DSLContext db;
    private final Scopes scopes;
    private final AreaTree areas;
    private final PersonalCodes codes;
    private final AuditTrail audit;

    CodeCards(DSLContext db, Scopes scopes, AreaTree areas, PersonalCodes codes, AuditTrail audit) {
        this.db = db;
        this.scopes = scopes;
        this.areas = areas;
        this.codes = codes;
        this.audit = audit;
    }

    @Transactional
    public StairwellCards forStairwell(HaolinUser user, long stairwellId) {
        Area stairwell = areas.find(stairwellId)
                .filter(a -> a.level() == AreaLevel.STAIRWELL
                        && scopes.of(user, Permission.READ_RESIDENTS).covers(a.path()))
                .orElseThrow(() -> DomainException.notFound("area.notFound", stairwellId));
        List<CodeCard> cards = db.select(RESIDENT.ID, RESIDENT.NAME, RESIDENT.ROOM, PERSONAL_CODE.ID)
                .from(RESIDENT).leftJoin(PERSONAL_CODE).on(PERSONAL_CODE.TOWN_ID.eq(RESIDENT.TOWN_ID),
                        PERSONAL_CODE.RESIDENT_ID.eq(RESIDENT.ID), PERSONAL_CODE.REVOKED_AT.isNull())
                .where(RESIDENT.TOWN_ID.eq(stairwell.townId()), RESIDENT.AREA_ID.eq(stairwell.id()),
                        RESIDENT.RESIDENCE_STATUS.ne(ResidenceStatus.MOVED_OUT.name()))
                .orderBy(RESIDENT.ROOM, RESIDENT.NAME)
                .fetch(r -> {
                    String code = r.value4() == null ? codes.currentCode(stairwell.townId(), r.value1(),
                            user.displayName()) : codes.text(r.value4());
                    return new CodeCard(r.value1(), r.value2(), r.value3(), code, QrCodeSvg.of(code));
                });
        audit.record(user, AuditAction.EXPORT, AuditedObject.of("STAIRWELL", stairwell.id(), stairwell.townId(),
                stairwell.path()), cards.size() + " personal-code cards");
        String building = areas.find(stairwell.parentId()).map(Area::name).orElse("");
        return new StairwellCards(stairwell, building, cards);
    }
}
