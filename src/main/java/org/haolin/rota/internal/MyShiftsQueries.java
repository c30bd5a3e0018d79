package org.haolin.rota.internal;

import org.haolin.rota.MyShift;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.PLAN_POST;
import static haolin.schema.Tables.ROTA;
import static haolin.schema.Tables.ROTA_SHIFT;
import static haolin.schema.Tables.SHIFT_START;
import static haolin.schema.Tables.WORKFORCE_PERSON;
import static haolin.schema.Tables.WORKFORCE_RANK;
import static org.jooq.impl.DSL.coalesce;

/**
 * Shifts of published rotas held by given workforce people, each identified by town and person id (a person id
 * belongs to one town, but the town keeps the query on the person index).
 */
@Component
public class MyShiftsQueries {

    private static final haolin.schema.tables.WorkforcePerson SEAT = WORKFORCE_PERSON.as("seat");
    private static final haolin.schema.tables.Area PLACE = AREA.as("place");

    private final DSLContext db;

    MyShiftsQueries(DSLContext db) {
        this.db = db;
    }

    /** The shifts of these people (town id → person id) from a day on, by day and start. */
    public List<MyShift> from(Map<Long, Long> personByTown, LocalDate from) {
        return select().where(held(personByTown), ROTA_SHIFT.DAY.ge(from), ROTA.STATE.eq("PUBLISHED"))
                .orderBy(ROTA_SHIFT.DAY, ROTA_SHIFT.STARTS_AT, ROTA_SHIFT.ID)
                .fetch(MyShiftsQueries::shift);
    }

    /** One shift, if one of these people holds it in a published rota. */
    public Optional<MyShift> one(Map<Long, Long> personByTown, long shiftId) {
        return select().where(held(personByTown), ROTA_SHIFT.ID.eq(shiftId), ROTA.STATE.eq("PUBLISHED"))
                .fetchOptional(MyShiftsQueries::shift);
    }

    private SelectJoinStep<Record> select() {
        return db.select(List.of(ROTA_SHIFT.ID, ROTA_SHIFT.TOWN_ID, ROTA_SHIFT.AREA_ID, ROTA_SHIFT.AREA_PATH,
                        ROTA_SHIFT.PERSON_ID, ROTA_SHIFT.DAY, ROTA_SHIFT.STARTS_AT, ROTA_SHIFT.ENDS_AT, ROTA_SHIFT.KIND,
                        PLAN_POST.NAME, PLACE.NAME, ROTA_SHIFT.SUBSTITUTE, SEAT.NAME, WORKFORCE_RANK.NAME_ZH,
                        WORKFORCE_RANK.NAME_EN, SHIFT_START.CONFIRMED_AT))
                .from(ROTA_SHIFT)
                .join(ROTA).on(ROTA.ID.eq(ROTA_SHIFT.ROTA_ID))
                .leftJoin(PLAN_POST).on(PLAN_POST.ID.eq(ROTA_SHIFT.POST_ID))
                // a post's place is its compound; a seat's is the residential area of the rota shift
                .join(PLACE).on(PLACE.ID.eq(coalesce(PLAN_POST.AREA_ID, ROTA_SHIFT.AREA_ID)))
                .leftJoin(SEAT).on(SEAT.ID.eq(ROTA_SHIFT.SEAT_PERSON_ID))
                .leftJoin(WORKFORCE_RANK).on(WORKFORCE_RANK.CODE.eq(SEAT.RANK_CODE))
                .leftJoin(SHIFT_START).on(SHIFT_START.SHIFT_ID.eq(ROTA_SHIFT.ID));
    }

    private static Condition held(Map<Long, Long> personByTown) {
        return personByTown.entrySet().stream()
                .map(e -> ROTA_SHIFT.TOWN_ID.eq(e.getKey()).and(ROTA_SHIFT.PERSON_ID.eq(e.getValue())))
                .reduce(Condition::or)
                .orElse(DSL.falseCondition());
    }

    private static MyShift shift(Record r) {
        return new MyShift(r.get(ROTA_SHIFT.ID), r.get(ROTA_SHIFT.TOWN_ID), r.get(ROTA_SHIFT.AREA_ID),
                r.get(ROTA_SHIFT.AREA_PATH), r.get(ROTA_SHIFT.PERSON_ID), r.get(ROTA_SHIFT.DAY),
                r.get(ROTA_SHIFT.STARTS_AT), r.get(ROTA_SHIFT.ENDS_AT), "POST".equals(r.get(ROTA_SHIFT.KIND)),
                r.get(PLAN_POST.NAME), r.get(PLACE.NAME), r.get(ROTA_SHIFT.SUBSTITUTE), r.get(SEAT.NAME),
                r.get(WORKFORCE_RANK.NAME_ZH), r.get(WORKFORCE_RANK.NAME_EN), r.get(SHIFT_START.CONFIRMED_AT));
    }
}
