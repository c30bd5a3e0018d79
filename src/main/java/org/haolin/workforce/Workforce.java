package org.haolin.workforce;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static haolin.schema.Tables.WORKFORCE_PERSON;
import static haolin.schema.Tables.WORKFORCE_RANK;

/**
 * The workforce facade other modules use: who can be put on a rota, and which person an account is.
 * Pages and changes of the workforce itself go through their own facades in this module.
 */
@Service
public class Workforce {

    private final DSLContext db;

    Workforce(DSLContext db) {
        this.db = db;
    }

    /** The active people serving inside an area (a path prefix) of a town, cadres of the town included. */
    @Transactional(readOnly = true)
    public List<Worker> rotaPool(long townId, String areaPath) {
        return db.select(WORKFORCE_PERSON.asterisk(), WORKFORCE_RANK.CADRE).from(WORKFORCE_PERSON)
                .leftJoin(WORKFORCE_RANK).on(WORKFORCE_RANK.CODE.eq(WORKFORCE_PERSON.RANK_CODE))
                .where(WORKFORCE_PERSON.TOWN_ID.eq(townId), WORKFORCE_PERSON.ACTIVE.isTrue(),
                        WORKFORCE_PERSON.AREA_PATH.startsWith(areaPath)
                                .or(WORKFORCE_RANK.CADRE.isTrue().and(WORKFORCE_PERSON.AREA_ID.eq(townId))))
                .orderBy(WORKFORCE_PERSON.AREA_PATH, WORKFORCE_PERSON.NAME, WORKFORCE_PERSON.ID)
                .fetch(Workforce::worker);
    }

    /** The workforce person an account belongs to in a town, if it is linked to one. */
    @Transactional(readOnly = true)
    public Optional<Long> personOf(long townId, long accountId) {
        return db.select(WORKFORCE_PERSON.ID).from(WORKFORCE_PERSON)
                .where(WORKFORCE_PERSON.TOWN_ID.eq(townId), WORKFORCE_PERSON.ACCOUNT_ID.eq(accountId))
                .fetchOptional(WORKFORCE_PERSON.ID);
    }

    private static Worker worker(Record r) {
        Boolean cadre = r.get(WORKFORCE_RANK.CADRE);
        String[] skills = r.get(WORKFORCE_PERSON.SKILLS);
        return new Worker(r.get(WORKFORCE_PERSON.ID), r.get(WORKFORCE_PERSON.TOWN_ID), r.get(WORKFORCE_PERSON.AREA_ID),
                r.get(WORKFORCE_PERSON.AREA_PATH), r.get(WORKFORCE_PERSON.NAME), r.get(WORKFORCE_PERSON.RANK_CODE),
                Boolean.TRUE.equals(cadre), r.get(WORKFORCE_PERSON.VOLUNTEER), r.get(WORKFORCE_PERSON.ACCOUNT_ID),
                r.get(WORKFORCE_PERSON.MAX_HOURS_WEEK), skills == null ? Set.of() : Set.of(skills));
    }
}
