package org.haolin.rota.internal;

import org.haolin.access.Scope;
import org.haolin.rota.Rota;
import org.haolin.rota.RotaProblem;
import org.haolin.rota.RotaShift;
import org.haolin.rota.RotaState;
import org.haolin.rota.ShiftSwap;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.PLAN_POST;
import static haolin.schema.Tables.PLAN_POST_MEMBER;
import static haolin.schema.Tables.RANK_SUBSTITUTION;
import static haolin.schema.Tables.ROTA;
import static haolin.schema.Tables.ROTA_PREFERENCE;
import static haolin.schema.Tables.ROTA_SHIFT;
import static haolin.schema.Tables.SHIFT_SWAP;
import static haolin.schema.Tables.WORKFORCE_PERSON;

/** Rotas, their shifts and swap requests in the database. */
@Repository
public class RotaStore {

    private static final TypeReference<List<RotaProblem>> PROBLEMS = new TypeReference<>() {
    };

    private final DSLContext db;
    private final JsonMapper json;

    RotaStore(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public long insert(long townId, long areaId, String areaPath, String name, LocalDate firstDay, int days,
                       String byName, OffsetDateTime now) {
        return db.insertInto(ROTA).set(ROTA.TOWN_ID, townId).set(ROTA.AREA_ID, areaId).set(ROTA.AREA_PATH, areaPath)
                .set(ROTA.NAME, name).set(ROTA.FIRST_DAY, firstDay).set(ROTA.DAYS, days)
                .set(ROTA.CREATED_BY_NAME, byName).set(ROTA.CREATED_AT, now)
                .returning(ROTA.ID).fetchOne(ROTA.ID);
    }

    public Optional<Rota> find(long id) {
        return db.select(ROTA.asterisk(), AREA.NAME).from(ROTA).join(AREA).on(AREA.ID.eq(ROTA.AREA_ID))
                .where(ROTA.ID.eq(id)).fetchOptional(this::rota);
    }

    public List<Rota> list(Scope scope) {
        return db.select(ROTA.asterisk(), AREA.NAME).from(ROTA).join(AREA).on(AREA.ID.eq(ROTA.AREA_ID))
                .where(scope.on(ROTA.TOWN_ID, ROTA.AREA_PATH))
                .orderBy(ROTA.FIRST_DAY.desc(), ROTA.ID.desc()).limit(200).fetch(this::rota);
    }

    /** DRAFT, SOLVED or INFEASIBLE → SOLVING; false when someone else started it or it is published. */
    public boolean startSolving(long id, OffsetDateTime now) {
        return db.update(ROTA).set(ROTA.STATE, RotaState.SOLVING.name()).set(ROTA.SOLVE_STARTED_AT, now)
                .set(ROTA.VERSION, ROTA.VERSION.plus(1))
                .where(ROTA.ID.eq(id), ROTA.STATE.in("DRAFT", "SOLVED", "INFEASIBLE")).execute() == 1;
    }

    /** The solve's result: the shifts replace any earlier ones in one batch, then the rota's state and problems. */
    public void finish(Rota rota, RotaState state, String score, List<RotaProblem> problems, List<ShiftRow> rows,
                       OffsetDateTime now) {
        db.deleteFrom(ROTA_SHIFT).where(ROTA_SHIFT.ROTA_ID.eq(rota.id())).execute();
        var insert = db.batch(rows.stream().map(r -> db.insertInto(ROTA_SHIFT)
                .set(ROTA_SHIFT.TOWN_ID, rota.townId()).set(ROTA_SHIFT.AREA_ID, r.areaId())
                .set(ROTA_SHIFT.AREA_PATH, r.areaPath()).set(ROTA_SHIFT.ROTA_ID, rota.id())
                .set(ROTA_SHIFT.DAY, r.day()).set(ROTA_SHIFT.KIND, r.kind().name()).set(ROTA_SHIFT.POST_ID, r.postId())
                .set(ROTA_SHIFT.SLOT, r.slotNo()).set(ROTA_SHIFT.SEAT_PERSON_ID, r.seatPersonId())
                .set(ROTA_SHIFT.STARTS_AT, r.start()).set(ROTA_SHIFT.ENDS_AT, r.end())
                .set(ROTA_SHIFT.PERSON_ID, r.personId())
                .set(ROTA_SHIFT.SUBSTITUTE, r.kind() == SlotKind.SEAT && r.personId() != null
                        && !r.personId().equals(r.seatPersonId()))).toList());
        if (!rows.isEmpty()) {
            insert.execute();
        }
        db.update(ROTA).set(ROTA.STATE, state.name()).set(ROTA.SCORE, score).set(ROTA.PROBLEMS, jsonb(problems))
                .set(ROTA.SOLVED_AT, now).set(ROTA.VERSION, ROTA.VERSION.plus(1))
                .where(ROTA.ID.eq(rota.id()), ROTA.STATE.eq(RotaState.SOLVING.name())).execute();
    }

    /** A solve that failed or was cut off goes back to DRAFT, saying so. */
    public void abandon(long id, List<RotaProblem> problems) {
        db.update(ROTA).set(ROTA.STATE, RotaState.DRAFT.name()).set(ROTA.PROBLEMS, jsonb(problems))
                .set(ROTA.VERSION, ROTA.VERSION.plus(1))
                .where(ROTA.ID.eq(id), ROTA.STATE.eq(RotaState.SOLVING.name())).execute();
    }

    /** Rotas left SOLVING by a stopped node since before the cutoff go back to DRAFT; how many. */
    public int abandonStale(OffsetDateTime cutoff, List<RotaProblem> problems) {
        return db.update(ROTA).set(ROTA.STATE, RotaState.DRAFT.name()).set(ROTA.PROBLEMS, jsonb(problems))
                .set(ROTA.VERSION, ROTA.VERSION.plus(1))
                .where(ROTA.STATE.eq(RotaState.SOLVING.name()), ROTA.SOLVE_STARTED_AT.lt(cutoff)).execute();
    }

    public boolean publish(long id, OffsetDateTime now) {
        return db.update(ROTA).set(ROTA.STATE, RotaState.PUBLISHED.name()).set(ROTA.PUBLISHED_AT, now)
                .set(ROTA.VERSION, ROTA.VERSION.plus(1))
                .where(ROTA.ID.eq(id), ROTA.STATE.eq(RotaState.SOLVED.name())).execute() == 1;
    }

    public void updateScore(long id, String score, List<RotaProblem> problems) {
        db.update(ROTA).set(ROTA.SCORE, score).set(ROTA.PROBLEMS, jsonb(problems)).set(ROTA.VERSION, ROTA.VERSION.plus(1))
                .where(ROTA.ID.eq(id)).execute();
    }

    public List<RotaShift> shifts(long rotaId) {
        var filler = WORKFORCE_PERSON.as("filler");
        var holder = WORKFORCE_PERSON.as("holder");
        return db.select(ROTA_SHIFT.asterisk(), filler.NAME, holder.NAME, PLAN_POST.NAME, AREA.NAME)
                .from(ROTA_SHIFT)
                .leftJoin(filler).on(filler.ID.eq(ROTA_SHIFT.PERSON_ID))
                .leftJoin(holder).on(holder.ID.eq(ROTA_SHIFT.SEAT_PERSON_ID))
                .leftJoin(PLAN_POST).on(PLAN_POST.ID.eq(ROTA_SHIFT.POST_ID))
                .leftJoin(AREA).on(AREA.ID.eq(PLAN_POST.AREA_ID))
                .where(ROTA_SHIFT.ROTA_ID.eq(rotaId))
                .orderBy(ROTA_SHIFT.KIND, ROTA_SHIFT.AREA_PATH, ROTA_SHIFT.POST_ID, ROTA_SHIFT.SLOT,
                        holder.NAME, ROTA_SHIFT.SEAT_PERSON_ID, ROTA_SHIFT.DAY)
                .fetch(r -> new RotaShift(r.get(ROTA_SHIFT.ID), rotaId, r.get(ROTA_SHIFT.DAY), r.get(ROTA_SHIFT.KIND),
                        r.get(ROTA_SHIFT.POST_ID), r.get(ROTA_SHIFT.SLOT), r.get(ROTA_SHIFT.SEAT_PERSON_ID),
                        r.get(ROTA_SHIFT.KIND).equals("POST") ? r.get(AREA.NAME) + " " + r.get(PLAN_POST.NAME)
                                : r.get(holder.NAME),
                        r.get(ROTA_SHIFT.STARTS_AT), r.get(ROTA_SHIFT.ENDS_AT), r.get(ROTA_SHIFT.PERSON_ID),
                        r.get(filler.NAME), r.get(ROTA_SHIFT.SUBSTITUTE)));
    }

    /** The rota's shifts as the model reads them, with each post's current members. */
    public List<ShiftRow> shiftRows(long townId, long rotaId) {
        List<RotaShift> shifts = shifts(rotaId);
        var areas = db.select(ROTA_SHIFT.ID, ROTA_SHIFT.AREA_ID, ROTA_SHIFT.AREA_PATH).from(ROTA_SHIFT)
                .where(ROTA_SHIFT.ROTA_ID.eq(rotaId)).fetchMap(ROTA_SHIFT.ID);
        Map<Long, List<Long>> members = db.select(PLAN_POST_MEMBER.POST_ID, PLAN_POST_MEMBER.PERSON_ID)
                .from(PLAN_POST_MEMBER)
                .where(PLAN_POST_MEMBER.TOWN_ID.eq(townId), PLAN_POST_MEMBER.POST_ID.in(
                        shifts.stream().map(RotaShift::postId).filter(p -> p != null).distinct().toList()))
                .fetchGroups(PLAN_POST_MEMBER.POST_ID, PLAN_POST_MEMBER.PERSON_ID);
        return shifts.stream().map(s -> new ShiftRow(s.id(), areas.get(s.id()).get(ROTA_SHIFT.AREA_ID),
                areas.get(s.id()).get(ROTA_SHIFT.AREA_PATH), s.day(), SlotKind.valueOf(s.kind()), s.postId(), s.slot(),
                s.seatPersonId(), s.label(), s.startsAt(), s.endsAt(),
                s.postId() == null ? List.of() : members.getOrDefault(s.postId(), List.of()), s.personId())).toList();
    }

    public boolean reassign(long shiftId, Long personId, boolean substitute) {
        return db.update(ROTA_SHIFT).set(ROTA_SHIFT.PERSON_ID, personId).set(ROTA_SHIFT.SUBSTITUTE, substitute)
                .set(ROTA_SHIFT.VERSION, ROTA_SHIFT.VERSION.plus(1)).where(ROTA_SHIFT.ID.eq(shiftId)).execute() == 1;
    }

    public Optional<Long> rotaOfShift(long shiftId) {
        return db.select(ROTA_SHIFT.ROTA_ID).from(ROTA_SHIFT).where(ROTA_SHIFT.ID.eq(shiftId))
                .fetchOptional(ROTA_SHIFT.ROTA_ID);
    }

    public List<Map.Entry<String, String>> substitutions(long townId) {
        return db.select(RANK_SUBSTITUTION.SUBSTITUTE_RANK, RANK_SUBSTITUTION.COVERED_RANK).from(RANK_SUBSTITUTION)
                .where(RANK_SUBSTITUTION.TOWN_ID.eq(townId))
                .fetch(r -> Map.entry(r.value1(), r.value2()));
    }

    /** The town's rules become exactly these rows (delete and insert in the caller's transaction). */
    public void replaceSubstitutions(long townId, List<Map.Entry<String, String>> rows) {
        db.deleteFrom(RANK_SUBSTITUTION).where(RANK_SUBSTITUTION.TOWN_ID.eq(townId)).execute();
        db.batch(rows.stream().map(r -> db.insertInto(RANK_SUBSTITUTION).set(RANK_SUBSTITUTION.TOWN_ID, townId)
                .set(RANK_SUBSTITUTION.SUBSTITUTE_RANK, r.getKey()).set(RANK_SUBSTITUTION.COVERED_RANK, r.getValue()))
                .toList()).execute();
    }

    public Map<Long, Map<LocalDate, String>> preferences(long townId, List<Long> personIds, LocalDate from,
                                                         LocalDate to) {
        Map<Long, Map<LocalDate, String>> byPerson = new java.util.HashMap<>();
        db.select(ROTA_PREFERENCE.PERSON_ID, ROTA_PREFERENCE.DAY, ROTA_PREFERENCE.KIND).from(ROTA_PREFERENCE)
                .where(ROTA_PREFERENCE.TOWN_ID.eq(townId), ROTA_PREFERENCE.PERSON_ID.in(personIds),
                        ROTA_PREFERENCE.DAY.between(from, to))
                .forEach(r -> byPerson.computeIfAbsent(r.value1(), p -> new java.util.HashMap<>())
                        .put(r.value2(), r.value3()));
        return byPerson;
    }

    /** The account of each person (those without one are left out). */
    public Map<Long, Long> accounts(long townId, List<Long> personIds) {
        return db.select(WORKFORCE_PERSON.ID, WORKFORCE_PERSON.ACCOUNT_ID).from(WORKFORCE_PERSON)
                .where(WORKFORCE_PERSON.TOWN_ID.eq(townId), WORKFORCE_PERSON.ID.in(personIds),
                        WORKFORCE_PERSON.ACCOUNT_ID.isNotNull())
                .fetchMap(WORKFORCE_PERSON.ID, WORKFORCE_PERSON.ACCOUNT_ID);
    }

    public long insertSwap(Rota rota, RotaShift shift, String areaPath, long areaId, long from, long to, String reason,
                           OffsetDateTime now) {
        return db.insertInto(SHIFT_SWAP).set(SHIFT_SWAP.TOWN_ID, rota.townId()).set(SHIFT_SWAP.AREA_ID, areaId)
                .set(SHIFT_SWAP.AREA_PATH, areaPath).set(SHIFT_SWAP.SHIFT_ID, shift.id())
                .set(SHIFT_SWAP.FROM_PERSON_ID, from).set(SHIFT_SWAP.TO_PERSON_ID, to).set(SHIFT_SWAP.REASON, reason)
                .set(SHIFT_SWAP.CREATED_AT, now)
                .onConflictDoNothing()
                .returning(SHIFT_SWAP.ID).fetchOptional(SHIFT_SWAP.ID).orElse(-1L);
    }

    public List<ShiftSwap> swaps(long rotaId, String state) {
        return swapQuery().where(ROTA_SHIFT.ROTA_ID.eq(rotaId), state == null ? org.jooq.impl.DSL.noCondition()
                : SHIFT_SWAP.STATE.eq(state)).orderBy(SHIFT_SWAP.CREATED_AT).fetch(this::swap);
    }

    public Optional<ShiftSwap> swap(long swapId) {
        return swapQuery().where(SHIFT_SWAP.ID.eq(swapId)).fetchOptional(this::swap);
    }

    public boolean decide(long swapId, String state, String refusalKey, String byName, OffsetDateTime now) {
        return db.update(SHIFT_SWAP).set(SHIFT_SWAP.STATE, state).set(SHIFT_SWAP.REFUSAL_KEY, refusalKey)
                .set(SHIFT_SWAP.DECIDED_BY_NAME, byName).set(SHIFT_SWAP.DECIDED_AT, now)
                .set(SHIFT_SWAP.VERSION, SHIFT_SWAP.VERSION.plus(1))
                .where(SHIFT_SWAP.ID.eq(swapId), SHIFT_SWAP.STATE.eq("REQUESTED")).execute() == 1;
    }

    private org.jooq.SelectOnConditionStep<Record> swapQuery() {
        var from = WORKFORCE_PERSON.as("swap_from");
        var to = WORKFORCE_PERSON.as("swap_to");
        return db.select(SHIFT_SWAP.asterisk(), ROTA_SHIFT.ROTA_ID, ROTA_SHIFT.DAY, from.NAME, to.NAME)
                .from(SHIFT_SWAP).join(ROTA_SHIFT).on(ROTA_SHIFT.ID.eq(SHIFT_SWAP.SHIFT_ID))
                .join(from).on(from.ID.eq(SHIFT_SWAP.FROM_PERSON_ID))
                .join(to).on(to.ID.eq(SHIFT_SWAP.TO_PERSON_ID));
    }

    private ShiftSwap swap(Record r) {
        var from = WORKFORCE_PERSON.as("swap_from");
        var to = WORKFORCE_PERSON.as("swap_to");
        return new ShiftSwap(r.get(SHIFT_SWAP.ID), r.get(SHIFT_SWAP.SHIFT_ID), r.get(ROTA_SHIFT.ROTA_ID),
                r.get(ROTA_SHIFT.DAY), r.get(SHIFT_SWAP.FROM_PERSON_ID), r.get(from.NAME),
                r.get(SHIFT_SWAP.TO_PERSON_ID), r.get(to.NAME), r.get(SHIFT_SWAP.REASON), r.get(SHIFT_SWAP.STATE),
                r.get(SHIFT_SWAP.REFUSAL_KEY), r.get(SHIFT_SWAP.DECIDED_BY_NAME), r.get(SHIFT_SWAP.CREATED_AT));
    }

    private Rota rota(Record r) {
        return new Rota(r.get(ROTA.ID), r.get(ROTA.TOWN_ID), r.get(ROTA.AREA_ID), r.get(ROTA.AREA_PATH),
                r.get(AREA.NAME), r.get(ROTA.NAME), r.get(ROTA.FIRST_DAY), r.get(ROTA.DAYS),
                RotaState.valueOf(r.get(ROTA.STATE)), r.get(ROTA.SCORE),
                json.readValue(r.get(ROTA.PROBLEMS).data(), PROBLEMS), r.get(ROTA.CREATED_BY_NAME),
                r.get(ROTA.CREATED_AT), r.get(ROTA.SOLVED_AT), r.get(ROTA.PUBLISHED_AT));
    }

    private JSONB jsonb(List<RotaProblem> problems) {
        return JSONB.valueOf(json.writeValueAsString(problems));
    }
}
