package org.haolin.rota.internal;

import org.haolin.rota.PersonHours;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.ROTA;
import static haolin.schema.Tables.ROTA_SHIFT;
import static haolin.schema.Tables.SHIFT_START;
import static haolin.schema.Tables.WORKFORCE_PERSON;

/**
 * Time on started shifts, summed in the database: a shift counts once its person confirmed the protection
 * checklist (shift_start), for whoever confirmed it, and only in published rotas.
 */
@Component
public class HoursQueries {

    private static final Field<Integer> YEAR = DSL.year(ROTA_SHIFT.DAY);
    private static final Field<Integer> MONTH = DSL.month(ROTA_SHIFT.DAY);
    private static final Field<BigDecimal> SECONDS = DSL.sum(DSL.extract(ROTA_SHIFT.ENDS_AT, DatePart.EPOCH)
            .minus(DSL.extract(ROTA_SHIFT.STARTS_AT, DatePart.EPOCH)));

    private final DSLContext db;

    HoursQueries(DSLContext db) {
        this.db = db;
    }

    /** Per person and month, for started shifts inside an area (path prefix) of a town, within the reader's scope. */
    public List<PersonHours> inArea(long townId, String areaPath, Condition scope) {
        Map<Long, PersonHours> people = new LinkedHashMap<>();
        db.select(WORKFORCE_PERSON.ID, WORKFORCE_PERSON.NAME, AREA.NAME, WORKFORCE_PERSON.VOLUNTEER, YEAR, MONTH, SECONDS)
                .from(ROTA_SHIFT)
                .join(SHIFT_START).on(SHIFT_START.SHIFT_ID.eq(ROTA_SHIFT.ID))
                .join(ROTA).on(ROTA.ID.eq(ROTA_SHIFT.ROTA_ID))
                .join(WORKFORCE_PERSON).on(WORKFORCE_PERSON.ID.eq(SHIFT_START.PERSON_ID))
                .join(AREA).on(AREA.ID.eq(WORKFORCE_PERSON.AREA_ID))
                .where(ROTA_SHIFT.TOWN_ID.eq(townId), ROTA_SHIFT.AREA_PATH.startsWith(areaPath), scope,
                        ROTA.STATE.eq("PUBLISHED"))
                .groupBy(WORKFORCE_PERSON.ID, WORKFORCE_PERSON.NAME, AREA.NAME, WORKFORCE_PERSON.VOLUNTEER, YEAR, MONTH)
                .orderBy(WORKFORCE_PERSON.NAME, WORKFORCE_PERSON.ID, YEAR, MONTH)
                .forEach(r -> add(people, r));
        return new ArrayList<>(people.values());
    }

    /** The total minutes of these people (town id → person id). */
    public long minutesOf(Map<Long, Long> personByTown) {
        Condition whose = personByTown.entrySet().stream()
                .map(e -> SHIFT_START.TOWN_ID.eq(e.getKey()).and(SHIFT_START.PERSON_ID.eq(e.getValue())))
                .reduce(Condition::or).orElse(DSL.falseCondition());
        BigDecimal seconds = db.select(SECONDS).from(SHIFT_START)
                .join(ROTA_SHIFT).on(ROTA_SHIFT.ID.eq(SHIFT_START.SHIFT_ID))
                .join(ROTA).on(ROTA.ID.eq(ROTA_SHIFT.ROTA_ID))
                .where(whose, ROTA.STATE.eq("PUBLISHED"))
                .fetchOne(SECONDS);
        return seconds == null ? 0 : seconds.longValue() / 60;
    }

    private static void add(Map<Long, PersonHours> people, Record r) {
        long id = r.get(WORKFORCE_PERSON.ID);
        PersonHours before = people.get(id);
        TreeMap<YearMonth, Long> months = before == null ? new TreeMap<>() : new TreeMap<>(before.minutesByMonth());
        months.put(YearMonth.of(r.get(YEAR), r.get(MONTH)), r.get(SECONDS).longValue() / 60);
        people.put(id, new PersonHours(id, r.get(WORKFORCE_PERSON.NAME), r.get(AREA.NAME),
                r.get(WORKFORCE_PERSON.VOLUNTEER), months));
    }
}
