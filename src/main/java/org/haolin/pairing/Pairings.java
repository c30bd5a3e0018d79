package org.haolin.pairing;

import org.haolin.access.Accounts;
import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.pairing.internal.PairingAccess;
import org.haolin.pairing.internal.PairingRules;
import org.haolin.pairing.internal.PairingStore;
import org.haolin.pairing.internal.ResidentPlace;
import org.haolin.platform.DomainException;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static haolin.schema.Tables.PAIRING;
import static haolin.schema.Tables.RESIDENT;

/**
 * Pairing residents with helpers (一人一结对), for staff holding PAIR_RESIDENTS over the resident's stairwell:
 * coverage per residential area, the unpaired with suggestions, pairing one by one or accepting suggestions,
 * ending or changing a pairing (the ended row stays as history).
 */
@Service
public class Pairings {

    private static final int SUGGESTIONS = 3;
    private static final int BUILDING_DEPTH = 5; // district.town.area.compound.building.
    private static final int COMPOUND_DEPTH = 4;

    private final DSLContext db;
    private final Scopes scopes;
    private final AreaTree areas;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final PairingAccess access;
    private final PairingStore store;
    private final PairingRules rules;
    private final Clock clock;
    private final int maxPerHelper;

    Pairings(DSLContext db, Scopes scopes, AreaTree areas, Accounts accounts, AuditTrail audit, PairingAccess access,
             PairingStore store, PairingRules rules, Clock clock,
             @Value("${haolin.pairing.max-per-helper:5}") int maxPerHelper) {
        this.db = db;
        this.scopes = scopes;
        this.areas = areas;
        this.accounts = accounts;
        this.audit = audit;
        this.access = access;
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.maxPerHelper = maxPerHelper;
    }

    public int maxPerHelper() {
        return maxPerHelper;
    }

    /** Every residential area the person pairs residents in: listed, paired, unpaired. */
    @Transactional
    public List<AreaPairingCoverage> coverage(HaolinUser user) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<AreaPairingCoverage> coverage = new ArrayList<>();
        for (Area area : access.residentialAreas(user)) {
            var counts = db.select(DSL.count(), DSL.count(PAIRING.ID)).from(RESIDENT)
                    .leftJoin(PAIRING).on(PAIRING.TOWN_ID.eq(RESIDENT.TOWN_ID), PAIRING.RESIDENT_ID.eq(RESIDENT.ID),
                            PAIRING.ENDED_AT.isNull())
                    .where(listedIn(area, now)).fetchOne();
            coverage.add(new AreaPairingCoverage(area.id(), area.name(), counts.value1(), counts.value2()));
        }
        audit.record(user, AuditAction.LIST, AuditedObject.of("PAIRING_COVERAGE", null, null, null), null);
        return coverage;
    }

    /** The residents of one residential area who must be paired and are not, each with suggested helpers. */
    @Transactional
    public List<UnpairedResident> unpaired(HaolinUser user, long areaId) {
        Area area = access.residentialArea(user, areaId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        var rows = db.select(RESIDENT.ID, RESIDENT.NAME, RESIDENT.ROOM, RESIDENT.AREA_PATH, RESIDENT.AREA_ID).from(RESIDENT)
                .where(listedIn(area, now), DSL.notExists(DSL.selectOne().from(PAIRING).where(
                        PAIRING.TOWN_ID.eq(RESIDENT.TOWN_ID), PAIRING.RESIDENT_ID.eq(RESIDENT.ID), PAIRING.ENDED_AT.isNull())))
                .orderBy(RESIDENT.AREA_PATH, RESIDENT.ROOM, RESIDENT.ID).limit(500).fetch();
        Map<Long, Area> stairwells = areas.findAll(rows.stream().map(r -> r.value5()).toList());
        Candidates candidates = candidates(area);
        List<UnpairedResident> unpaired = rows.stream().map(r -> new UnpairedResident(r.value1(), r.value2(),
                place(stairwells.get(r.value5()), r.value3()), List.of(),
                candidates.suggest(r.value4()))).toList();
        audit.record(user, AuditAction.LIST, AuditedObject.of("AREA", area.id(), area.townId(), area.path()), "unpaired");
        return unpaired;
    }

    /** The helpers who may be paired with the resident, best first. */
    @Transactional
    public List<Helper> helpers(HaolinUser user, long residentId) {
        ResidentPlace place = access.resident(user, Permission.PAIR_RESIDENTS, residentId);
        return candidates(residentialAreaOf(place)).ranked(place.stairwellPath(), true);
    }

    /** Pairs the resident with the helper, ending a current pairing with someone else (kept as history). */
    @Transactional
    public Pairing pair(HaolinUser user, long residentId, long helperId) {
        ResidentPlace place = access.resident(user, Permission.PAIR_RESIDENTS, residentId);
        Helper helper = candidates(residentialAreaOf(place)).ranked(place.stairwellPath(), true).stream()
                .filter(h -> h.accountId() == helperId).findFirst()
                .orElseThrow(() -> DomainException.invalid("pairing.helper.notEligible"));
        var current = store.currentForUpdate(place.townId(), residentId);
        if (current.isPresent() && current.get().getHelperId() == helperId) {
            return store.history(place.townId(), residentId).getFirst();
        }
        if (helper.paired() >= maxPerHelper) {
            throw DomainException.conflict("pairing.helper.full", helper.name(), maxPerHelper);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        current.ifPresent(c -> store.end(place.townId(), residentId, user, now, "CHANGED"));
        store.start(place, helperId, helper.name(), user, now, rules.frequency(place.townId(), residentId, now));
        audit.record(user, AuditAction.PAIRING, audited(place), "paired with " + helperId);
        return store.history(place.townId(), residentId).getFirst();
    }

    /** Pairs every unpaired resident of the area with their first suggestion, while helpers have room. */
    @Transactional
    public int acceptSuggestions(HaolinUser user, long areaId) {
        int paired = 0;
        for (UnpairedResident resident : unpaired(user, areaId)) {
            for (Helper helper : resident.suggestions()) {
                if (store.loads(List.of(helper.accountId())).getOrDefault(helper.accountId(), 0) < maxPerHelper) {
                    pair(user, resident.residentId(), helper.accountId());
                    paired++;
                    break;
                }
            }
        }
        return paired;
    }

    @Transactional
    public void end(HaolinUser user, long residentId, String reason) {
        ResidentPlace place = access.resident(user, Permission.PAIR_RESIDENTS, residentId);
        String why = reason == null || reason.isBlank() ? "ENDED" : reason.strip();
        if (why.length() > 200) {
            throw DomainException.invalid("pairing.end.reasonTooLong");
        }
        if (store.end(place.townId(), residentId, user, OffsetDateTime.now(clock), why) == 0) {
            throw DomainException.notFound("pairing.notFound", residentId);
        }
        audit.record(user, AuditAction.PAIRING, audited(place), "ended: " + why);
    }

    /** The resident's pairings, newest first. */
    @Transactional
    public List<Pairing> history(HaolinUser user, long residentId) {
        ResidentPlace place = access.resident(user, Permission.PAIR_RESIDENTS, residentId);
        audit.record(user, AuditAction.READ, audited(place), "pairing history");
        return store.history(place.townId(), residentId);
    }

    /** The resident's name, for pages about them (already scope-checked). */
    @Transactional
    public String residentName(HaolinUser user, long residentId) {
        return access.resident(user, Permission.PAIR_RESIDENTS, residentId).name();
    }

    private org.jooq.Condition listedIn(Area area, OffsetDateTime now) {
        return RESIDENT.TOWN_ID.eq(area.townId()).and(RESIDENT.AREA_PATH.like(DSL.inline(area.path() + "%")))
                .and(RESIDENT.RESIDENCE_STATUS.in("LIVING_HERE", "AWAY")).and(rules.needsPairing(now));
    }


    private Area residentialAreaOf(ResidentPlace place) {
        return areas.find(Area.lineageOf(place.stairwellPath()).get(2)).orElseThrow();
    }

    private Candidates candidates(Area residentialArea) {
        List<HaolinUser> people = accounts.holdingRolesInside(residentialArea.townId(), residentialArea.path()).stream()
                .filter(a -> scopes.of(a, Permission.CHECK_IN).covers(residentialArea.path() ))
                .toList();
        return new Candidates(people, people.isEmpty() ? Map.of()
                : new HashMap<>(store.loads(people.stream().map(HaolinUser::accountId).toList())));
    }

    /** The people who may help in one residential area and their loads. */
    private final class Candidates {
        private final List<HaolinUser> people;
        private final Map<Long, Integer> loads;

        Candidates(List<HaolinUser> people, Map<Long, Integer> loads) {
            this.people = people;
            this.loads = loads;
        }

        List<Helper> suggest(String stairwellPath) {
            return ranked(stairwellPath, false).stream().limit(SUGGESTIONS).toList();
        }

        /** Nearest first, then least loaded; full helpers only when asked for. */
        List<Helper> ranked(String stairwellPath, boolean withFull) {
            return people.stream()
                    .filter(p -> scopes.of(p, Permission.CHECK_IN).covers(stairwellPath))
                    .map(p -> new Helper(p.accountId(), p.displayName(), loads.getOrDefault(p.accountId(), 0),
                            nearness(p, stairwellPath)))
                    .filter(h -> withFull || h.paired() < maxPerHelper)
                    .sorted(Comparator.comparing(Helper::nearness).thenComparing(Helper::paired)
                            .thenComparing(Helper::name))
                    .toList();
        }

        private Nearness nearness(HaolinUser helper, String stairwellPath) {
            // every grant, not only the outermost: a helper granted on the area and on a building is near that building
            int depth = helper.grants().stream()
                    .filter(g -> g.role().grants(Permission.CHECK_IN) && g.covers(stairwellPath))
                    .mapToInt(g -> g.areaPath().split("\\.").length).max().orElse(0);
            return depth >= BUILDING_DEPTH ? Nearness.BUILDING : depth == COMPOUND_DEPTH ? Nearness.COMPOUND : Nearness.AREA;
        }
    }

    private static String place(Area stairwell, String room) {
        return (stairwell == null ? "" : stairwell.name() + " ") + room;
    }

    private static AuditedObject audited(ResidentPlace place) {
        return AuditedObject.of("RESIDENT", place.residentId(), place.townId(), place.stairwellPath());
    }
}
