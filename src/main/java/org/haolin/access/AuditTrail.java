package org.haolin.access;

import org.haolin.platform.RowArrays;
import org.jooq.DSLContext;
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
            rows(objects.stream().map(o -> new Entry(who, action, o, detail)).toList())
                    .insertInto(db, AUDIT_EVENT).execute();
        }
    }

    /** One audit row: who did what to which object, allowed. */
    public record Entry(HaolinUser who, AuditAction action, AuditedObject object, String detail) {
    }

    /**
     * These entries as one array per column of {@code audit_event}, for a writer that sends their insert together
     * with its own writes ({@code rows(..).insertInto(db, AUDIT_EVENT)}, or a fixed statement's part).
     */
    public static RowArrays<Entry> rows(List<Entry> entries) {
        return new RowArrays<>(entries)
                .column(AUDIT_EVENT.ACCOUNT_ID, e -> e.who() == null ? null : e.who().accountId())
                .column(AUDIT_EVENT.USERNAME, e -> e.who() == null ? "-" : e.who().username())
                .column(AUDIT_EVENT.ACTION, e -> e.action().name())
                .column(AUDIT_EVENT.OBJECT_TYPE, e -> e.object().type())
                .column(AUDIT_EVENT.OBJECT_ID, e -> e.object().id())
                .column(AUDIT_EVENT.TOWN_ID, e -> e.object().townId())
                .column(AUDIT_EVENT.AREA_PATH, e -> e.object().areaPath())
                .column(AUDIT_EVENT.RESULT, e -> "OK")
                .column(AUDIT_EVENT.DETAIL, e -> shortened(e.detail()));
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
