package org.haolin.sweep;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.resident.CurrentTag;
import org.haolin.resident.RosterEntry;
import org.haolin.resident.Residents;
import org.haolin.resident.StairwellRoster;
import org.haolin.sweep.internal.MarkEffects;
import org.haolin.sweep.internal.MarkStore;
import org.haolin.sweep.internal.MarkStore.ResidentPlace;
import org.haolin.sweep.internal.RoundStore;
import org.haolin.sweep.internal.SweepAccess;
import org.haolin.sweep.internal.TeamStore;
import org.haolin.sweep.internal.Weeks;
import org.haolin.resident.ResidenceStatus;
import org.haolin.resident.ResidentField;
import org.haolin.resident.ResidentRegistry;
import org.haolin.resident.ResidentRules;
import org.haolin.resident.RowProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sheet a team member walks, and its saves: one resident's mark at a time, each refused rather than
 * written over when someone else marked that resident since its author looked (see docs/sweeps.md).
 */
@Service
public class SweepSheets {

    private final SweepAccess access;
    private final Residents residents;
    private final MarkStore marks;
    private final MarkEffects effects;
    private final RoundStore rounds;
    private final TeamStore teams;
    private final AuditTrail audit;
    private final Weeks weeks;
    private final ResidentRegistry registry;
    private final TransactionTemplate tx;

    SweepSheets(SweepAccess access, Residents residents, MarkStore marks, MarkEffects effects, RoundStore rounds,
                TeamStore teams, AuditTrail audit, Weeks weeks, ResidentRegistry registry, TransactionTemplate tx) {
        this.registry = registry;
        this.tx = tx;
        this.access = access;
        this.residents = residents;
        this.marks = marks;
        this.effects = effects;
        this.rounds = rounds;
        this.teams = teams;
        this.audit = audit;
        this.weeks = weeks;
    }

    /** The stairwell's residents room by room (as on the stairwell list) with this round's marks. */
    @Transactional
    public StairwellSheet sheet(HaolinUser user, long roundId, long stairwellId) {
        SweepRound round = access.walkable(user, roundId, stairwellId);
        StairwellRoster roster = residents.sweepSheet(user, stairwellId);
        Map<Long, Mark> byResident = marks.marks(round, stairwellId);
        var completion = rounds.completion(round, stairwellId);
        return new StairwellSheet(round, roster.stairwell(), roster.lineage(),
                roster.entries().stream().map(e -> line(e, byResident.get(e.residentId()))).toList(),
                teams.team(round.townId(), stairwellId),
                completion.map(r -> r.get(0, java.time.OffsetDateTime.class)).orElse(null),
                completion.map(r -> r.get(1, String.class)).orElse(null));
    }

    /** One line of the sheet, as a save answers it. */
    @Transactional
    public SheetLine line(HaolinUser user, long roundId, long stairwellId, long residentId) {
        return sheet(user, roundId, stairwellId).lines().stream().filter(l -> l.resident().residentId() == residentId)
                .findFirst().orElseThrow(() -> DomainException.notFound("resident.notFound", residentId));
    }

    /**
     * Saves one resident's mark. Refused with {@link MarkConflict} (and nothing written) when someone else
     * marked the resident since the version the order names; the same person sending the same mark twice (a
     * double tap) gets their mark back. With an idempotency key, a retry of an earlier save answers that save.
     */
    @Transactional
    public Mark mark(HaolinUser user, long roundId, MarkOrder order, String idempotencyKey) {
        SweepRound round = rounds.find(roundId)
                .orElseThrow(() -> DomainException.notFound("sweep.round.notFound", roundId));
        ResidentPlace place = marks.place(round.townId(), order.residentId())
                .orElseThrow(() -> DomainException.notFound("resident.notFound", order.residentId()));
        access.walkable(user, roundId, place.stairwellId());
        if (idempotencyKey != null && !marks.claimKey(round, idempotencyKey, order.residentId())) {
            return marks.mark(round, order.residentId()).orElseThrow();
        }
        if (!marks.save(round, place, order, user, weeks.now())) {
            Mark theirs = marks.mark(round, order.residentId()).orElseThrow();
            if (theirs.repeats(user.accountId(), order.presence(), order.occupations())) {
                return theirs;
            }
            throw new MarkConflict(theirs);
        }
        MarkEffects.Applied applied = effects.apply(user, round, order, place.status());
        marks.recordEffects(round, order.residentId(), applied.status(), applied.tagsChanged());
        audit.record(user, AuditAction.SWEEP_MARK, AuditedObject.of("RESIDENT", order.residentId(), round.townId(),
                place.stairwellPath()), round.ref() + " " + order.presence() + " " + order.occupations());
        return marks.mark(round, order.residentId()).orElseThrow();
    }

    /**
     * One tap on the sheet: sets the presence, or switches one occupation, on the mark as its author saw it
     * (version). The rest of the mark stays as they saw it.
     */
    @Transactional
    public Mark tap(HaolinUser user, long roundId, long stairwellId, long residentId, int seenVersion,
                    Presence presence, Occupation toggled) {
        SheetLine seen = line(user, roundId, stairwellId, residentId);
        if (seen.version() != seenVersion) {
            if (seen.mark() != null && toggled == null && seen.mark().repeats(user.accountId(), presence, seen.occupations())) {
                return seen.mark();
            }
            throw new MarkConflict(seen.mark());
        }
        Set<Occupation> occupations = seen.occupations().isEmpty() ? EnumSet.noneOf(Occupation.class)
                : EnumSet.copyOf(seen.occupations());
        if (toggled != null && !occupations.remove(toggled)) {
            occupations.add(toggled);
        }
        return mark(user, roundId, new MarkOrder(residentId, seenVersion, presence != null ? presence : seen.presence(),
                occupations), null);
    }

    /**
     * Registers a resident the team found living here, checked by the roster import's rules, and marks them
     * present and found. Answers the problems instead when the entries do not pass; two people adding two
     * residents at once both land, the same person twice lands once.
     */
    public FoundOutcome addFound(HaolinUser user, long roundId, long stairwellId, FoundResident found) {
        try {
            return tx.execute(s -> {
                SweepRound round = access.walkable(user, roundId, stairwellId);
                StairwellRoster roster = residents.sweepSheet(user, stairwellId);
                ResidentRules.Checked checked = new ResidentRules(residents.catalogue())
                        .check(row(found, roster), names -> ResidentRules.Located.at(stairwellId));
                if (!checked.accepted()) {
                    return new FoundOutcome(null, checked.problems());
                }
                long id = registry.registerFoundBySweep(user, checked.resident()).residentId();
                marks.found(round, new ResidentPlace(id, stairwellId, roster.stairwell().path(),
                        ResidenceStatus.LIVING_HERE), id, user, weeks.now());
                return new FoundOutcome(id, List.of());
            });
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("sweep.found.justAdded");
        }
    }

    /** A found resident registered (with their id), or the problems of what was typed. */
    public record FoundOutcome(Long residentId, List<RowProblem> problems) {

        public FoundOutcome {
            problems = List.copyOf(problems);
        }
    }

    private static Map<ResidentField, String> row(FoundResident found, StairwellRoster roster) {
        List<org.haolin.area.Area> lineage = roster.lineage();
        Map<ResidentField, String> row = new EnumMap<>(ResidentField.class);
        row.put(ResidentField.NAME, found.name());
        row.put(ResidentField.ID_NUMBER, found.idNumber());
        row.put(ResidentField.PHONE, found.phone());
        row.put(ResidentField.ROOM, found.room());
        // the stairwell is the one being walked: its names only satisfy the rules' required columns
        row.put(ResidentField.COMPOUND, lineage.get(lineage.size() - 3).name());
        row.put(ResidentField.BUILDING, lineage.get(lineage.size() - 2).name());
        row.put(ResidentField.STAIRWELL, roster.stairwell().name());
        return row;
    }

    /** Marks the stairwell swept, once every resident is marked. */
    @Transactional
    public void complete(HaolinUser user, long roundId, long stairwellId) {
        SweepRound round = access.walkable(user, roundId, stairwellId);
        int unmarked = marks.unmarked(round, stairwellId);
        if (unmarked > 0) {
            throw DomainException.invalid("sweep.complete.unmarked", unmarked);
        }
        if (rounds.complete(round, stairwellId, user.accountId(), user.displayName(), weeks.now())) {
            audit.record(user, AuditAction.SWEEP_MARK, AuditedObject.of("STAIRWELL", stairwellId, round.townId(),
                    round.areaPath()), round.ref() + " completed");
        }
    }

    private static SheetLine line(RosterEntry entry, Mark mark) {
        Set<Occupation> occupations = mark != null ? mark.occupations() : occupationsOf(entry);
        return new SheetLine(entry, mark, occupations);
    }

    private static Set<Occupation> occupationsOf(RosterEntry entry) {
        Set<String> codes = entry.tags().stream().map(CurrentTag::code).collect(Collectors.toSet());
        return Arrays.stream(Occupation.values()).filter(o -> codes.contains(o.tagCode())).collect(Collectors.toSet());
    }
}
