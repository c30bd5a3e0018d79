package org.haolin.access;

import org.haolin.platform.RowArrays;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

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

    /** One row per object, written in one statement: for actions on a whole list of residents. */
    public void recordAll(HaolinUser who, AuditAction action, List<AuditedObject> objects, String detail) {
        if (!objects.isEmpty()) {
            recording(who, action, objects, detail).execute();
        }
    }

    /**
     * The one statement that records these objects, for a caller that sends it together with its own writes
     * (one round trip for several statements); not executed here. One array per column, however many objects.
     */
    public Query recording(HaolinUser who, AuditAction action, List<AuditedObject> objects, String detail) {
        return new RowArrays<>(objects)
                .column(AUDIT_EVENT.ACCOUNT_ID, o -> who == null ? null : who.accountId())
                .column(AUDIT_EVENT.USERNAME, o -> who == null ? "-" : who.username())
                .column(AUDIT_EVENT.ACTION, o -> action.name())
                .column(AUDIT_EVENT.OBJECT_TYPE, AuditedObject::type)
                .column(AUDIT_EVENT.OBJECT_ID, AuditedObject::id)
                .column(AUDIT_EVENT.TOWN_ID, AuditedObject::townId)
                .column(AUDIT_EVENT.AREA_PATH, AuditedObject::areaPath)
                .column(AUDIT_EVENT.RESULT, o -> "OK")
                .column(AUDIT_EVENT.DETAIL, o -> shortened(detail))
                .insertInto(db, AUDIT_EVENT);
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
                .set(AUDIT_EVENT.DETAIL, shortened(detail))
                .execute();
    }

    private static String shortened(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }
}
