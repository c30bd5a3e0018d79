package org.haolin.workforce.internal;

import haolin.schema.tables.records.WorkforcePersonRecord;
import org.haolin.area.Area;
import org.haolin.workforce.ConsentMethod;
import org.haolin.workforce.Organisation;
import org.haolin.workforce.OrganisationKind;
import org.haolin.workforce.Person;
import org.haolin.workforce.Rank;
import org.haolin.workforce.Training;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static haolin.schema.Tables.WORKFORCE_MEMBERSHIP;
import static haolin.schema.Tables.WORKFORCE_ORGANISATION;
import static haolin.schema.Tables.WORKFORCE_PERSON;
import static haolin.schema.Tables.WORKFORCE_RANK;
import static haolin.schema.Tables.WORKFORCE_TRAINING;

/** The workforce tables. Callers check scope first; this class only reads and writes rows. */
@Repository
public class WorkforceStore {

    private final DSLContext db;

    WorkforceStore(DSLContext db) {
        this.db = db;
    }

    public List<Rank> ranks() {
        return db.selectFrom(WORKFORCE_RANK).orderBy(WORKFORCE_RANK.SORT_KEY)
                .fetch(r -> new Rank(r.getCode(), r.getNameZh(), r.getNameEn(), r.getCadre()));
    }

    public List<Organisation> organisations(long areaId) {
        return db.selectFrom(WORKFORCE_ORGANISATION).where(WORKFORCE_ORGANISATION.AREA_ID.eq(areaId))
                .orderBy(WORKFORCE_ORGANISATION.ID)
                .fetch(o -> new Organisation(o.getId(), o.getTownId(), o.getAreaId(), o.getAreaPath(),
                        OrganisationKind.valueOf(o.getKind()), o.getName()));
    }

    public Optional<Organisation> organisation(long id) {
        return db.selectFrom(WORKFORCE_ORGANISATION).where(WORKFORCE_ORGANISATION.ID.eq(id))
                .fetchOptional(o -> new Organisation(o.getId(), o.getTownId(), o.getAreaId(), o.getAreaPath(),
                        OrganisationKind.valueOf(o.getKind()), o.getName()));
    }

    /** Adds an organisation of each missing kind; concurrent first visits add each at most once. */
    public void addMissingOrganisations(Area area, Map<OrganisationKind, String> defaultNames) {
        var existing = organisations(area.id()).stream().map(Organisation::kind).toList();
        defaultNames.forEach((kind, name) -> {
            if (!existing.contains(kind)) {
                db.insertInto(WORKFORCE_ORGANISATION).set(WORKFORCE_ORGANISATION.TOWN_ID, area.townId())
                        .set(WORKFORCE_ORGANISATION.AREA_ID, area.id())
                        .set(WORKFORCE_ORGANISATION.AREA_PATH, area.path())
                        .set(WORKFORCE_ORGANISATION.KIND, kind.name()).set(WORKFORCE_ORGANISATION.NAME, name)
                        .onConflictDoNothing().execute();
            }
        });
    }

    public boolean rename(long organisationId, String name) {
        return db.update(WORKFORCE_ORGANISATION).set(WORKFORCE_ORGANISATION.NAME, name)
                .where(WORKFORCE_ORGANISATION.ID.eq(organisationId)).execute() == 1;
    }

    public boolean nameTaken(long areaId, OrganisationKind kind, String name, long exceptId) {
        return db.fetchExists(WORKFORCE_ORGANISATION, WORKFORCE_ORGANISATION.AREA_ID.eq(areaId),
                WORKFORCE_ORGANISATION.KIND.eq(kind.name()), WORKFORCE_ORGANISATION.NAME.eq(name),
                WORKFORCE_ORGANISATION.ID.ne(exceptId));
    }

    public List<Person> people(Condition where) {
        List<WorkforcePersonRecord> rows = db.selectFrom(WORKFORCE_PERSON).where(where)
                .orderBy(WORKFORCE_PERSON.AREA_PATH, WORKFORCE_PERSON.NAME, WORKFORCE_PERSON.ID).fetch();
        List<Long> ids = rows.stream().map(WorkforcePersonRecord::getId).toList();
        Map<Long, List<Long>> memberships = db.select(WORKFORCE_MEMBERSHIP.PERSON_ID, WORKFORCE_MEMBERSHIP.ORGANISATION_ID)
                .from(WORKFORCE_MEMBERSHIP).where(WORKFORCE_MEMBERSHIP.PERSON_ID.in(ids))
                .orderBy(WORKFORCE_MEMBERSHIP.ORGANISATION_ID)
                .fetchGroups(WORKFORCE_MEMBERSHIP.PERSON_ID, WORKFORCE_MEMBERSHIP.ORGANISATION_ID);
        Map<Long, Integer> trainings = db.select(WORKFORCE_TRAINING.PERSON_ID, DSL.count()).from(WORKFORCE_TRAINING)
                .where(WORKFORCE_TRAINING.PERSON_ID.in(ids)).groupBy(WORKFORCE_TRAINING.PERSON_ID)
                .fetchMap(WORKFORCE_TRAINING.PERSON_ID, DSL.count());
        return rows.stream().map(r -> person(r, memberships.getOrDefault(r.getId(), List.of()),
                trainings.getOrDefault(r.getId(), 0))).toList();
    }

    /** Counts per area of the active people matching: volunteers, volunteers with a training, registered Party members. */
    public record AreaCounts(long areaId, int pool, int trained, int partyRegistered) {
    }

    public List<AreaCounts> counts(Condition where) {
        var trained = DSL.exists(DSL.selectOne().from(WORKFORCE_TRAINING)
                .where(WORKFORCE_TRAINING.PERSON_ID.eq(WORKFORCE_PERSON.ID)));
        return db.select(WORKFORCE_PERSON.AREA_ID, DSL.count().filterWhere(WORKFORCE_PERSON.VOLUNTEER.isTrue()),
                        DSL.count().filterWhere(WORKFORCE_PERSON.VOLUNTEER.isTrue().and(trained)),
                        DSL.count().filterWhere(WORKFORCE_PERSON.PARTY_REGISTERED.isTrue()))
                .from(WORKFORCE_PERSON).where(where.and(WORKFORCE_PERSON.ACTIVE.isTrue()))
                .groupBy(WORKFORCE_PERSON.AREA_ID).orderBy(WORKFORCE_PERSON.AREA_ID)
                .fetch(r -> new AreaCounts(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public Optional<Person> person(long id) {
        return people(WORKFORCE_PERSON.ID.eq(id)).stream().findFirst();
    }

    public Optional<byte[]> phone(long personId) {
        return db.select(WORKFORCE_PERSON.PHONE_ENC).from(WORKFORCE_PERSON).where(WORKFORCE_PERSON.ID.eq(personId))
                .fetchOptional(WORKFORCE_PERSON.PHONE_ENC);
    }

    /** Someone else of the town already linked to this resident or account. */
    public boolean linkTaken(long townId, Long residentId, Long accountId, long exceptPersonId) {
        Condition link = DSL.falseCondition();
        if (residentId != null) {
            link = link.or(WORKFORCE_PERSON.RESIDENT_ID.eq(residentId));
        }
        if (accountId != null) {
            link = link.or(WORKFORCE_PERSON.ACCOUNT_ID.eq(accountId));
        }
        return db.fetchExists(WORKFORCE_PERSON, WORKFORCE_PERSON.TOWN_ID.eq(townId), link,
                WORKFORCE_PERSON.ID.ne(exceptPersonId));
    }

    public List<Long> linkedResidents(long townId) {
        return db.select(WORKFORCE_PERSON.RESIDENT_ID).from(WORKFORCE_PERSON)
                .where(WORKFORCE_PERSON.TOWN_ID.eq(townId), WORKFORCE_PERSON.RESIDENT_ID.isNotNull())
                .fetch(WORKFORCE_PERSON.RESIDENT_ID);
    }

    public long insert(Area area, PersonRow row, OffsetDateTime now) {
        WorkforcePersonRecord r = db.newRecord(WORKFORCE_PERSON);
        r.setTownId(area.townId());
        r.setAreaId(area.id());
        r.setAreaPath(area.path());
        r.setCreatedAt(now);
        row.applyTo(r);
        r.store();
        return r.getId();
    }

    /** Writes the row if nobody changed it since it was read (version). */
    public boolean update(long id, int version, PersonRow row) {
        WorkforcePersonRecord r = db.selectFrom(WORKFORCE_PERSON).where(WORKFORCE_PERSON.ID.eq(id),
                WORKFORCE_PERSON.VERSION.eq(version)).forUpdate().fetchOne();
        if (r == null) {
            return false;
        }
        row.applyTo(r);
        r.setVersion(version + 1);
        r.store();
        return true;
    }

    public int version(long id) {
        return db.select(WORKFORCE_PERSON.VERSION).from(WORKFORCE_PERSON).where(WORKFORCE_PERSON.ID.eq(id))
                .fetchSingle(WORKFORCE_PERSON.VERSION);
    }

    public void setMemberships(Person person, Collection<Long> organisationIds) {
        db.deleteFrom(WORKFORCE_MEMBERSHIP).where(WORKFORCE_MEMBERSHIP.PERSON_ID.eq(person.id())).execute();
        for (long organisationId : organisationIds) {
            db.insertInto(WORKFORCE_MEMBERSHIP).set(WORKFORCE_MEMBERSHIP.TOWN_ID, person.townId())
                    .set(WORKFORCE_MEMBERSHIP.AREA_ID, person.areaId())
                    .set(WORKFORCE_MEMBERSHIP.AREA_PATH, person.areaPath())
                    .set(WORKFORCE_MEMBERSHIP.PERSON_ID, person.id())
                    .set(WORKFORCE_MEMBERSHIP.ORGANISATION_ID, organisationId).onConflictDoNothing().execute();
        }
    }

    public void enlist(long personId, ConsentMethod method, String byName, OffsetDateTime at) {
        db.update(WORKFORCE_PERSON).set(WORKFORCE_PERSON.VOLUNTEER, true).set(WORKFORCE_PERSON.CONSENT_AT, at)
                .set(WORKFORCE_PERSON.CONSENT_METHOD, method.name()).set(WORKFORCE_PERSON.CONSENT_BY_NAME, byName)
                .set(WORKFORCE_PERSON.VERSION, WORKFORCE_PERSON.VERSION.plus(1))
                .where(WORKFORCE_PERSON.ID.eq(personId)).execute();
    }

    /** Leaves the pool; the consent once given stays recorded, and so does when and by whom they left. */
    public boolean withdraw(long personId, String byName, OffsetDateTime at) {
        return db.update(WORKFORCE_PERSON).set(WORKFORCE_PERSON.VOLUNTEER, false)
                .set(WORKFORCE_PERSON.WITHDRAWN_AT, at).set(WORKFORCE_PERSON.WITHDRAWN_BY_NAME, byName)
                .set(WORKFORCE_PERSON.VERSION, WORKFORCE_PERSON.VERSION.plus(1))
                .where(WORKFORCE_PERSON.ID.eq(personId), WORKFORCE_PERSON.VOLUNTEER.isTrue()).execute() == 1;
    }

    public void deactivate(long personId) {
        db.update(WORKFORCE_PERSON).set(WORKFORCE_PERSON.ACTIVE, false)
                .set(WORKFORCE_PERSON.VERSION, WORKFORCE_PERSON.VERSION.plus(1))
                .where(WORKFORCE_PERSON.ID.eq(personId)).execute();
    }

    public long addTraining(Person person, String course, LocalDate on, String note, String by, OffsetDateTime at) {
        return db.insertInto(WORKFORCE_TRAINING).set(WORKFORCE_TRAINING.TOWN_ID, person.townId())
                .set(WORKFORCE_TRAINING.AREA_ID, person.areaId()).set(WORKFORCE_TRAINING.AREA_PATH, person.areaPath())
                .set(WORKFORCE_TRAINING.PERSON_ID, person.id()).set(WORKFORCE_TRAINING.COURSE, course)
                .set(WORKFORCE_TRAINING.COMPLETED_ON, on).set(WORKFORCE_TRAINING.NOTE, note)
                .set(WORKFORCE_TRAINING.RECORDED_BY, by).set(WORKFORCE_TRAINING.RECORDED_AT, at)
                .returning(WORKFORCE_TRAINING.ID).fetchSingle(WORKFORCE_TRAINING.ID);
    }

    public List<Training> trainings(long personId) {
        return db.selectFrom(WORKFORCE_TRAINING).where(WORKFORCE_TRAINING.PERSON_ID.eq(personId))
                .orderBy(WORKFORCE_TRAINING.COMPLETED_ON.desc(), WORKFORCE_TRAINING.ID.desc())
                .fetch(t -> new Training(t.getId(), t.getPersonId(), t.getCourse(), t.getCompletedOn(), t.getNote(),
                        t.getRecordedBy(), t.getRecordedAt()));
    }

    private static Person person(WorkforcePersonRecord r, List<Long> organisations, int trainings) {
        String[] skills = r.getSkills();
        return new Person(r.getId(), r.getTownId(), r.getAreaId(), r.getAreaPath(), r.getName(), r.getRankCode(),
                skills == null ? List.of() : Arrays.asList(skills), r.getPhoneMasked(), r.getResidentId(),
                r.getAccountId(), r.getPartyMember(), r.getPartyRegistered(), r.getVolunteer(), r.getConsentAt(),
                r.getConsentMethod() == null ? null : ConsentMethod.valueOf(r.getConsentMethod()),
                r.getConsentByName(), r.getWithdrawnAt(), r.getMaxHoursWeek(), r.getActive(), organisations,
                trainings);
    }
}
