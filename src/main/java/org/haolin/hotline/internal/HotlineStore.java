package org.haolin.hotline.internal;

import org.haolin.access.Scope;
import org.haolin.area.Area;
import org.haolin.hotline.HotlineRequest;
import org.haolin.hotline.RequestStatus;
import org.haolin.hotline.Urgency;
import org.haolin.resident.StairwellContact;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.HOTLINE_CONTACT;
import static haolin.schema.Tables.HOTLINE_REQUEST;
import static org.jooq.impl.DSL.noCondition;

/** Hotline requests and stairwell contacts. Callers check scope or pass it in; every statement names the town. */
@Component
public class HotlineStore implements StairwellContact {

    private static final haolin.schema.tables.Area BUILDING = AREA.as("building");

    private final DSLContext db;

    HotlineStore(DSLContext db) {
        this.db = db;
    }

    public long insert(Area stairwell, String callerName, byte[] phoneEnc, String phoneMasked, String topic,
                       Urgency urgency, long byAccount, String byName, OffsetDateTime at) {
        return db.insertInto(HOTLINE_REQUEST).set(HOTLINE_REQUEST.TOWN_ID, stairwell.townId())
                .set(HOTLINE_REQUEST.AREA_ID, stairwell.id()).set(HOTLINE_REQUEST.AREA_PATH, stairwell.path())
                .set(HOTLINE_REQUEST.CALLER_NAME, callerName).set(HOTLINE_REQUEST.CALLER_PHONE_ENC, phoneEnc)
                .set(HOTLINE_REQUEST.CALLER_PHONE_MASKED, phoneMasked).set(HOTLINE_REQUEST.TOPIC, topic)
                .set(HOTLINE_REQUEST.URGENCY, urgency.name()).set(HOTLINE_REQUEST.LOGGED_BY, byAccount)
                .set(HOTLINE_REQUEST.LOGGED_BY_NAME, byName).set(HOTLINE_REQUEST.LOGGED_AT, at)
                .set(HOTLINE_REQUEST.UPDATED_AT, at)
                .returning(HOTLINE_REQUEST.ID).fetchOne().getId();
    }

    public Optional<HotlineRequest> find(long id) {
        return select().where(HOTLINE_REQUEST.ID.eq(id)).fetchOptional(HotlineStore::toRequest);
    }

    /** Most urgent first, then oldest: the order someone works through them. */
    public List<HotlineRequest> list(Scope scope, RequestStatus status) {
        return select().where(scope.on(HOTLINE_REQUEST.TOWN_ID, HOTLINE_REQUEST.AREA_PATH),
                        status == null ? noCondition() : HOTLINE_REQUEST.STATUS.eq(status.name()))
                .orderBy(org.jooq.impl.DSL.when(HOTLINE_REQUEST.URGENCY.eq("URGENT"), 0)
                                .when(HOTLINE_REQUEST.URGENCY.eq("NORMAL"), 1).otherwise(2),
                        HOTLINE_REQUEST.LOGGED_AT)
                .limit(1_000).fetch(HotlineStore::toRequest);
    }

    /** Moves the request on from the status it was read in; false when someone moved it meanwhile. */
    public boolean move(HotlineRequest request, RequestStatus to, Long wishId, OffsetDateTime at) {
        var update = db.update(HOTLINE_REQUEST).set(HOTLINE_REQUEST.STATUS, to.name())
                .set(HOTLINE_REQUEST.UPDATED_AT, at);
        if (wishId != null) {
            update = update.set(HOTLINE_REQUEST.WISH_ID, wishId);
        }
        return update.where(HOTLINE_REQUEST.TOWN_ID.eq(request.townId()), HOTLINE_REQUEST.ID.eq(request.id()),
                HOTLINE_REQUEST.STATUS.eq(request.status().name())).execute() == 1;
    }

    public void setContact(Area stairwell, String name, byte[] phoneEnc, String phoneMasked) {
        db.insertInto(HOTLINE_CONTACT).set(HOTLINE_CONTACT.TOWN_ID, stairwell.townId())
                .set(HOTLINE_CONTACT.AREA_ID, stairwell.id()).set(HOTLINE_CONTACT.AREA_PATH, stairwell.path())
                .set(HOTLINE_CONTACT.NAME, name).set(HOTLINE_CONTACT.PHONE_ENC, phoneEnc)
                .set(HOTLINE_CONTACT.PHONE_MASKED, phoneMasked)
                .onConflict(HOTLINE_CONTACT.TOWN_ID, HOTLINE_CONTACT.AREA_ID).doUpdate()
                .set(HOTLINE_CONTACT.NAME, name).set(HOTLINE_CONTACT.PHONE_ENC, phoneEnc)
                .set(HOTLINE_CONTACT.PHONE_MASKED, phoneMasked).execute();
    }

    @Override
    public Optional<Contact> of(long townId, long stairwellId) {
        return db.select(HOTLINE_CONTACT.NAME, HOTLINE_CONTACT.PHONE_MASKED).from(HOTLINE_CONTACT)
                .where(HOTLINE_CONTACT.TOWN_ID.eq(townId), HOTLINE_CONTACT.AREA_ID.eq(stairwellId))
                .fetchOptional(r -> new Contact(r.value1(), r.value2()));
    }

    private SelectOnConditionStep<Record> select() {
        return db.select(HOTLINE_REQUEST.asterisk(), AREA.NAME, BUILDING.NAME).from(HOTLINE_REQUEST)
                .join(AREA).on(AREA.ID.eq(HOTLINE_REQUEST.AREA_ID))
                .join(BUILDING).on(BUILDING.ID.eq(AREA.PARENT_ID));
    }

    private static HotlineRequest toRequest(Record r) {
        return new HotlineRequest(r.get(HOTLINE_REQUEST.ID), r.get(HOTLINE_REQUEST.TOWN_ID),
                r.get(HOTLINE_REQUEST.AREA_ID), r.get(HOTLINE_REQUEST.AREA_PATH),
                r.get(BUILDING.NAME) + " " + r.get(AREA.NAME), r.get(HOTLINE_REQUEST.CALLER_NAME),
                r.get(HOTLINE_REQUEST.CALLER_PHONE_MASKED), r.get(HOTLINE_REQUEST.TOPIC),
                Urgency.valueOf(r.get(HOTLINE_REQUEST.URGENCY)), RequestStatus.valueOf(r.get(HOTLINE_REQUEST.STATUS)),
                r.get(HOTLINE_REQUEST.WISH_ID), r.get(HOTLINE_REQUEST.LOGGED_BY_NAME), r.get(HOTLINE_REQUEST.LOGGED_AT));
    }
}
