package org.haolin.rota;

import org.haolin.TestTown;
import org.haolin.area.Area;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import static haolin.schema.Tables.COMPOUND_PLAN;
import static haolin.schema.Tables.PLAN_POST;
import static haolin.schema.Tables.ROTA;
import static haolin.schema.Tables.ROTA_SHIFT;
import static haolin.schema.Tables.SHIFT_START;
import static haolin.schema.Tables.WORKFORCE_PERSON;

/**
 * Workforce people, published rotas and their shifts written straight into the tables, so "my shifts", hours,
 * exports and figures are tested without the solver.
 */
public final class ShiftFixture {

    public static final LocalTime FROM = LocalTime.of(8, 0);
    public static final LocalTime TO = LocalTime.of(12, 30);

    private final DSLContext db;

    public ShiftFixture(DSLContext db) {
        this.db = db;
    }

    /** A workforce person serving in an area, linked to an account when one is given. */
    public long person(Area area, String name, Long accountId, boolean volunteer, String rank) {
        OffsetDateTime now = OffsetDateTime.now();
        return db.insertInto(WORKFORCE_PERSON)
                .set(WORKFORCE_PERSON.TOWN_ID, area.townId()).set(WORKFORCE_PERSON.AREA_ID, area.id())
                .set(WORKFORCE_PERSON.AREA_PATH, area.path()).set(WORKFORCE_PERSON.NAME, name)
                .set(WORKFORCE_PERSON.RANK_CODE, rank).set(WORKFORCE_PERSON.ACCOUNT_ID, accountId)
                .set(WORKFORCE_PERSON.VOLUNTEER, volunteer).set(WORKFORCE_PERSON.CONSENT_AT, volunteer ? now : null)
                .set(WORKFORCE_PERSON.CONSENT_METHOD, volunteer ? "IN_PERSON" : null)
                .set(WORKFORCE_PERSON.CREATED_AT, now)
                .returning(WORKFORCE_PERSON.ID).fetchOne().getId();
    }

    public long rota(Area area, String name, LocalDate firstDay, int days, String state) {
        return db.insertInto(ROTA)
                .set(ROTA.TOWN_ID, area.townId()).set(ROTA.AREA_ID, area.id()).set(ROTA.AREA_PATH, area.path())
                .set(ROTA.NAME, name).set(ROTA.FIRST_DAY, firstDay).set(ROTA.DAYS, days).set(ROTA.STATE, state)
                .set(ROTA.CREATED_BY_NAME, "fixture").set(ROTA.CREATED_AT, OffsetDateTime.now())
                .returning(ROTA.ID).fetchOne().getId();
    }

    /** A duty post of a published plan of the compound. */
    public long post(TestTown.Town t, Area compound, String name) {
        long plan = db.insertInto(COMPOUND_PLAN)
                .set(COMPOUND_PLAN.TOWN_ID, t.town().id()).set(COMPOUND_PLAN.AREA_ID, compound.id())
                .set(COMPOUND_PLAN.AREA_PATH, compound.path()).set(COMPOUND_PLAN.VERSION_NO, 1)
                .set(COMPOUND_PLAN.STATE, "PUBLISHED").set(COMPOUND_PLAN.EFFECTIVE_FROM, LocalDate.now().minusDays(30))
                .set(COMPOUND_PLAN.CREATED_BY_NAME, "fixture").set(COMPOUND_PLAN.CREATED_AT, OffsetDateTime.now())
                .returning(COMPOUND_PLAN.ID).fetchOne().getId();
        return db.insertInto(PLAN_POST)
                .set(PLAN_POST.TOWN_ID, t.town().id()).set(PLAN_POST.AREA_ID, compound.id())
                .set(PLAN_POST.AREA_PATH, compound.path()).set(PLAN_POST.PLAN_ID, plan)
                .set(PLAN_POST.TYPE_CODE, "GATE_DUTY").set(PLAN_POST.NAME, name)
                .returning(PLAN_POST.ID).fetchOne().getId();
    }

    /** A post's slot on a day, 08:00-12:30, held by a person (or uncovered). */
    public long postShift(long rota, Area compound, long post, int slot, LocalDate day, Long person) {
        return db.insertInto(ROTA_SHIFT)
                .set(ROTA_SHIFT.TOWN_ID, compound.townId()).set(ROTA_SHIFT.AREA_ID, compound.id())
                .set(ROTA_SHIFT.AREA_PATH, compound.path()).set(ROTA_SHIFT.ROTA_ID, rota).set(ROTA_SHIFT.DAY, day)
                .set(ROTA_SHIFT.KIND, "POST").set(ROTA_SHIFT.POST_ID, post).set(ROTA_SHIFT.SLOT, slot)
                .set(ROTA_SHIFT.STARTS_AT, FROM).set(ROTA_SHIFT.ENDS_AT, TO).set(ROTA_SHIFT.PERSON_ID, person)
                .returning(ROTA_SHIFT.ID).fetchOne().getId();
    }

    /** A staff seat on a day, 08:00-12:30, held by its worker or by a substitute. */
    public long seatShift(long rota, Area area, long seatPerson, LocalDate day, long person) {
        return db.insertInto(ROTA_SHIFT)
                .set(ROTA_SHIFT.TOWN_ID, area.townId()).set(ROTA_SHIFT.AREA_ID, area.id())
                .set(ROTA_SHIFT.AREA_PATH, area.path()).set(ROTA_SHIFT.ROTA_ID, rota).set(ROTA_SHIFT.DAY, day)
                .set(ROTA_SHIFT.KIND, "SEAT").set(ROTA_SHIFT.SEAT_PERSON_ID, seatPerson)
                .set(ROTA_SHIFT.STARTS_AT, FROM).set(ROTA_SHIFT.ENDS_AT, TO).set(ROTA_SHIFT.PERSON_ID, person)
                .set(ROTA_SHIFT.SUBSTITUTE, seatPerson != person)
                .returning(ROTA_SHIFT.ID).fetchOne().getId();
    }

    /** The protection checklist confirmed for a shift by whoever holds it (whatever its day). */
    public void started(long shift) {
        var row = db.selectFrom(ROTA_SHIFT).where(ROTA_SHIFT.ID.eq(shift)).fetchOne();
        db.insertInto(SHIFT_START)
                .set(SHIFT_START.SHIFT_ID, shift).set(SHIFT_START.TOWN_ID, row.getTownId())
                .set(SHIFT_START.AREA_ID, row.getAreaId()).set(SHIFT_START.AREA_PATH, row.getAreaPath())
                .set(SHIFT_START.PERSON_ID, row.getPersonId()).set(SHIFT_START.CONFIRMED_ITEMS, new String[] {"MASK"})
                .set(SHIFT_START.CLIENT_ID, UUID.randomUUID()).set(SHIFT_START.CONFIRMED_AT, OffsetDateTime.now())
                .execute();
    }
}
