package org.haolin.rota;

import org.haolin.TestTown;
import org.haolin.area.Area;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import static haolin.schema.Tables.COMPOUND_PLAN;
import static haolin.schema.Tables.PLAN_POST;
import static haolin.schema.Tables.PLAN_POST_MEMBER;
import static haolin.schema.Tables.PLAN_POST_STAFFING;
import static haolin.schema.Tables.ROTA;
import static haolin.schema.Tables.ROTA_PREFERENCE;
import static haolin.schema.Tables.ROTA_SHIFT;
import static haolin.schema.Tables.WORKFORCE_PERSON;

/** Workforce people and published plan posts for rota tests, written straight into the tables. */
@Component
public class RotaFixture {

    private final DSLContext db;

    RotaFixture(DSLContext db) {
        this.db = db;
    }

    /** A person serving in an area (a cadre serves in the town area), with an account or none. */
    long person(TestTown.Town town, Area area, String name, String rank, Long accountId, int maxHours) {
        return db.insertInto(WORKFORCE_PERSON).set(WORKFORCE_PERSON.TOWN_ID, town.town().id())
                .set(WORKFORCE_PERSON.AREA_ID, area.id()).set(WORKFORCE_PERSON.AREA_PATH, area.path())
                .set(WORKFORCE_PERSON.NAME, name).set(WORKFORCE_PERSON.RANK_CODE, rank)
                .set(WORKFORCE_PERSON.ACCOUNT_ID, accountId).set(WORKFORCE_PERSON.MAX_HOURS_WEEK, maxHours)
                .set(WORKFORCE_PERSON.VOLUNTEER, rank == null)
                .set(WORKFORCE_PERSON.CONSENT_AT, rank == null ? OffsetDateTime.now() : null)
                .set(WORKFORCE_PERSON.CREATED_AT, OffsetDateTime.now())
                .returning(WORKFORCE_PERSON.ID).fetchOne(WORKFORCE_PERSON.ID);
    }

    /** A published plan of the compound (in force from the day) with one post needing people at every level. */
    long post(TestTown.Town town, Area compound, LocalDate from, String name, int needed, List<Long> members) {
        long plan = db.insertInto(COMPOUND_PLAN).set(COMPOUND_PLAN.TOWN_ID, town.town().id())
                .set(COMPOUND_PLAN.AREA_ID, compound.id()).set(COMPOUND_PLAN.AREA_PATH, compound.path())
                .set(COMPOUND_PLAN.VERSION_NO, 1).set(COMPOUND_PLAN.STATE, "PUBLISHED")
                .set(COMPOUND_PLAN.EFFECTIVE_FROM, from).set(COMPOUND_PLAN.CREATED_BY_NAME, "test")
                .set(COMPOUND_PLAN.CREATED_AT, OffsetDateTime.now()).returning(COMPOUND_PLAN.ID)
                .fetchOne(COMPOUND_PLAN.ID);
        long post = db.insertInto(PLAN_POST).set(PLAN_POST.TOWN_ID, town.town().id())
                .set(PLAN_POST.AREA_ID, compound.id()).set(PLAN_POST.AREA_PATH, compound.path())
                .set(PLAN_POST.PLAN_ID, plan).set(PLAN_POST.TYPE_CODE, "GATE_DUTY").set(PLAN_POST.NAME, name)
                .set(PLAN_POST.SHIFT_START, LocalTime.of(7, 0)).set(PLAN_POST.SHIFT_END, LocalTime.of(15, 0))
                .returning(PLAN_POST.ID).fetchOne(PLAN_POST.ID);
        for (String level : List.of("SEALED", "CONTROLLED", "PREVENTION", "NORMAL")) {
            db.insertInto(PLAN_POST_STAFFING).set(PLAN_POST_STAFFING.TOWN_ID, town.town().id())
                    .set(PLAN_POST_STAFFING.POST_ID, post).set(PLAN_POST_STAFFING.ZONE_LEVEL, level)
                    .set(PLAN_POST_STAFFING.PEOPLE_NEEDED, needed).execute();
        }
        for (long member : members) {
            db.insertInto(PLAN_POST_MEMBER).set(PLAN_POST_MEMBER.TOWN_ID, town.town().id())
                    .set(PLAN_POST_MEMBER.AREA_ID, compound.id()).set(PLAN_POST_MEMBER.AREA_PATH, compound.path())
                    .set(PLAN_POST_MEMBER.POST_ID, post).set(PLAN_POST_MEMBER.PERSON_ID, member).execute();
        }
        return post;
    }

    /** Publishes the rota with one seat shift of a person linked to the town's volunteer1 account; its id. */
    public static long publishedShift(DSLContext db, TestTown.Town town, long rotaId, LocalDate day) {
        long person = new RotaFixture(db).person(town, town.area1(), "值班人", "SOCIAL_WORKER",
                town.volunteer1().accountId(), 48);
        db.update(ROTA).set(ROTA.STATE, "PUBLISHED").where(ROTA.ID.eq(rotaId)).execute();
        return db.insertInto(ROTA_SHIFT).set(ROTA_SHIFT.TOWN_ID, town.town().id())
                .set(ROTA_SHIFT.AREA_ID, town.area1().id()).set(ROTA_SHIFT.AREA_PATH, town.area1().path())
                .set(ROTA_SHIFT.ROTA_ID, rotaId).set(ROTA_SHIFT.DAY, day).set(ROTA_SHIFT.KIND, "SEAT")
                .set(ROTA_SHIFT.SEAT_PERSON_ID, person).set(ROTA_SHIFT.PERSON_ID, person)
                .set(ROTA_SHIFT.STARTS_AT, LocalTime.of(8, 30)).set(ROTA_SHIFT.ENDS_AT, LocalTime.of(17, 30))
                .returning(ROTA_SHIFT.ID).fetchOne(ROTA_SHIFT.ID);
    }

    void unavailable(TestTown.Town town, long personId, LocalDate day) {
        db.insertInto(ROTA_PREFERENCE).set(ROTA_PREFERENCE.TOWN_ID, town.town().id())
                .set(ROTA_PREFERENCE.AREA_ID, town.area1().id()).set(ROTA_PREFERENCE.AREA_PATH, town.area1().path())
                .set(ROTA_PREFERENCE.PERSON_ID, personId).set(ROTA_PREFERENCE.DAY, day)
                .set(ROTA_PREFERENCE.KIND, "UNAVAILABLE").execute();
    }
}
