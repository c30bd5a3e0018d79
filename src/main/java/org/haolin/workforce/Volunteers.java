package org.haolin.workforce;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.resident.AgedResident;
import org.haolin.resident.ResidentDetail;
import org.haolin.resident.Residents;
import org.haolin.workforce.internal.PersonRow;
import org.haolin.workforce.internal.WorkforceStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import static haolin.schema.Tables.WORKFORCE_PERSON;

/**
 * The volunteer pool (有生力量): who is in it per residential area, the recruitment search among residents, recruiting
 * with consent, withdrawal (history kept), and the figures the cockpit shows.
 */
@Service
public class Volunteers {

    public static final int DEFAULT_MIN_AGE = 60;
    public static final int DEFAULT_MAX_AGE = 65;

    private final WorkforceRegister register;
    private final WorkforceStore store;
    private final Residents residents;
    private final AreaTree areas;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final Clock clock;

    Volunteers(WorkforceRegister register, WorkforceStore store, Residents residents, AreaTree areas, Scopes scopes,
               AuditTrail audit, Clock clock) {
        this.register = register;
        this.store = store;
        this.residents = residents;
        this.areas = areas;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The volunteers (in the pool now) of every residential area the person manages. */
    @Transactional
    public List<Person> pool(HaolinUser user) {
        var scope = register.scope(user);
        if (scope.isEmpty()) {
            throw DomainException.forbidden("access.denied");
        }
        List<Person> pool = store.people(scope.on(WORKFORCE_PERSON.TOWN_ID, WORKFORCE_PERSON.AREA_PATH)
                .and(WORKFORCE_PERSON.VOLUNTEER.isTrue()));
        audit.record(user, AuditAction.LIST, AuditedObject.of(WorkforceRegister.PERSON, null, null, null),
                pool.size() + " volunteers");
        return pool;
    }

    /**
     * Residents living in the chosen area (any level inside a managed residential area) aged minAge..maxAge today who
     * are not yet in the town's workforce: masked names, audited by the resident module.
     */
    @Transactional
    public List<AgedResident> candidates(HaolinUser user, long areaId, int minAge, int maxAge) {
        if (minAge < 0 || maxAge > 120 || minAge > maxAge) {
            throw DomainException.invalid("volunteer.field.ageBand");
        }
        Area area = areas.find(areaId).filter(a -> register.scope(user).covers(a.path()))
                .orElseThrow(() -> DomainException.notFound("area.notFound", areaId));
        return residents.inAgeBand(user, area.id(), minAge, maxAge, store.linkedResidents(area.townId()));
    }

    /** Where a recruiter may search: each managed residential area, then its stairwells labelled with their building. */
    public List<AreaChoice> searchAreas(HaolinUser user) {
        return register.areas(user).stream().filter(a -> a.level() == AreaLevel.RESIDENTIAL_AREA)
                .flatMap(area -> {
                    List<Area> stairwells = areas.descendants(area, AreaLevel.STAIRWELL);
                    var buildings = areas.findAll(stairwells.stream().map(Area::parentId).distinct().toList());
                    return java.util.stream.Stream.concat(java.util.stream.Stream.of(new AreaChoice(area.id(), area.name())),
                            stairwells.stream().map(s -> new AreaChoice(s.id(),
                                    area.name() + " " + buildings.get(s.parentId()).name() + " " + s.name())));
                }).toList();
    }

    /**
     * A resident joins the pool with their consent: a workforce person of their residential area, linked to them,
     * a member of its volunteers, with how they agreed and who recorded it when.
     */
    @Transactional
    public long recruit(HaolinUser user, long residentId, ConsentMethod method) {
        if (method == null) {
            throw DomainException.invalid("volunteer.field.consentMethod");
        }
        ResidentDetail resident = residents.detail(user, residentId);
        Area area = resident.lineage().stream().filter(a -> a.level() == AreaLevel.RESIDENTIAL_AREA).findFirst()
                .map(a -> register.managed(user, a.id()))
                .orElseThrow(() -> DomainException.notFound("resident.notFound", residentId));
        if (store.linkTaken(area.townId(), residentId, null, 0L)) {
            throw DomainException.conflict("workforce.person.residentTaken");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = store.insert(area, new PersonRow(resident.entry().name(), null, List.of(), null, null, residentId,
                null, false, false, 48, true), now);
        store.enlist(id, method, user.displayName(), now);
        Person person = store.person(id).orElseThrow();
        Organisation volunteers = register.organisationsOf(area).stream()
                .filter(o -> o.kind() == OrganisationKind.VOLUNTEERS).findFirst().orElseThrow();
        store.setMemberships(person, List.of(volunteers.id()));
        audit.record(user, AuditAction.VOLUNTEER, WorkforceRegister.object(person), "recruited, consent " + method);
        return id;
    }

    /** Leaves the pool: the person, their consent and training stay on record; they leave the volunteers' team. */
    @Transactional
    public void withdraw(HaolinUser user, long personId) {
        Person person = register.managedPerson(user, personId);
        if (!store.withdraw(personId, user.displayName(), OffsetDateTime.now(clock))) {
            throw DomainException.conflict("volunteer.notInPool", person.name());
        }
        List<Long> volunteerTeams = store.organisations(person.areaId()).stream()
                .filter(o -> o.kind() == OrganisationKind.VOLUNTEERS).map(Organisation::id).toList();
        List<Long> remaining = person.organisationIds().stream().filter(o -> !volunteerTeams.contains(o)).toList();
        store.setMemberships(person, remaining);
        if (remaining.isEmpty() && person.rankCode() == null) {
            store.deactivate(personId); // only a volunteer: no longer one the rota may call on
        }
        audit.record(user, AuditAction.VOLUNTEER, WorkforceRegister.object(person), "withdrawn");
    }

    /** For the cockpit: per residential area in the person's cockpit scope, the pool, the trained, registered Party members. */
    @Transactional(readOnly = true)
    public List<VolunteerFigures> figures(HaolinUser user) {
        var counts = store.counts(scopes.of(user, Permission.VIEW_COCKPIT)
                .on(WORKFORCE_PERSON.TOWN_ID, WORKFORCE_PERSON.AREA_PATH));
        var names = areas.findAll(counts.stream().map(WorkforceStore.AreaCounts::areaId).toList());
        return counts.stream().filter(c -> names.get(c.areaId()).level() == AreaLevel.RESIDENTIAL_AREA)
                .map(c -> new VolunteerFigures(c.areaId(), names.get(c.areaId()).name(), c.pool(), c.trained(),
                        c.partyRegistered()))
                .toList();
    }
}
