package org.haolin.access;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static haolin.schema.Tables.AUDIT_EVENT;

/**
 * The append-only audit trail: who did what to which object, where, and whether it was allowed.
 * Never given the sensitive value itself. Written in the caller's transaction, so a rolled-back change
 * leaves no audit row claiming it happened; refusals are written in their own.
 */
@Component
public class AuditTrail {

    private final DSLContext db;

    AuditTrail(DSLContext db) {
        this.db = db;
    }

    public void record(HaolinUser who, AuditAction action, AuditedObject object, String detail) {
        write(who, action, object, "OK", detail);
    }

    /** Its own transaction: the refusal that follows rolls the caller's back, and the row must stay. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void denied(HaolinUser who, AuditAction action, AuditedObject object) {
        write(who, action, object, "DENIED", null);
    }

    private void write(HaolinUser who, AuditAction action, AuditedObject object, String result, String detail) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACCOUNT_ID, who == null ? null : who.accountId())
                .set(AUDIT_EVENT.USERNAME, who == null ? "-" : who.username())
                .set(AUDIT_EVENT.ACTION, action.name())
                .set(AUDIT_EVENT.OBJECT_TYPE, object.type())
                .set(AUDIT_EVENT.OBJECT_ID, object.id())
                .set(AUDIT_EVENT.TOWN_ID, object.townId())
                .set(AUDIT_EVENT.AREA_PATH, object.areaPath())
                .set(AUDIT_EVENT.RESULT, result)
                .set(AUDIT_EVENT.DETAIL, detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500))
                .execute();
    }
}
