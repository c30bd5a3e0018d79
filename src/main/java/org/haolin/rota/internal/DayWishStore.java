package org.haolin.rota.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static haolin.schema.Tables.ROTA_PREFERENCE;
import static haolin.schema.Tables.WORKFORCE_PERSON;

/** People's day wishes (rota_preference): one row per person and day, written idempotently. */
@Repository
public class DayWishStore {

    /** Where a workforce person serves: the wish rows carry it so scope conditions apply to them. */
    public record Place(long personId, long townId, long areaId, String areaPath, String name) {
    }

    private final DSLContext db;

    DayWishStore(DSLContext db) {
        this.db = db;
    }

    public Optional<Place> place(long personId) {
        return db.select(WORKFORCE_PERSON.ID, WORKFORCE_PERSON.TOWN_ID, WORKFORCE_PERSON.AREA_ID,
                        WORKFORCE_PERSON.AREA_PATH, WORKFORCE_PERSON.NAME)
                .from(WORKFORCE_PERSON).where(WORKFORCE_PERSON.ID.eq(personId))
                .fetchOptional(r -> new Place(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public Map<LocalDate, String> wishes(long personId, LocalDate from, LocalDate to) {
        return db.select(ROTA_PREFERENCE.DAY, ROTA_PREFERENCE.KIND).from(ROTA_PREFERENCE)
                .where(ROTA_PREFERENCE.PERSON_ID.eq(personId), ROTA_PREFERENCE.DAY.between(from, to))
                .fetchMap(ROTA_PREFERENCE.DAY, ROTA_PREFERENCE.KIND);
    }

    /** Sets the day's wish (upsert on person and day), or clears it when kind is null. */
    public void put(Place place, LocalDate day, String kind) {
        if (kind == null) {
            db.deleteFrom(ROTA_PREFERENCE).where(ROTA_PREFERENCE.PERSON_ID.eq(place.personId()),
                    ROTA_PREFERENCE.DAY.eq(day)).execute();
            return;
        }
        db.insertInto(ROTA_PREFERENCE).set(ROTA_PREFERENCE.TOWN_ID, place.townId())
                .set(ROTA_PREFERENCE.AREA_ID, place.areaId()).set(ROTA_PREFERENCE.AREA_PATH, place.areaPath())
                .set(ROTA_PREFERENCE.PERSON_ID, place.personId()).set(ROTA_PREFERENCE.DAY, day)
                .set(ROTA_PREFERENCE.KIND, kind)
                .onConflict(ROTA_PREFERENCE.PERSON_ID, ROTA_PREFERENCE.DAY).doUpdate()
                .set(ROTA_PREFERENCE.KIND, kind).execute();
    }
}
