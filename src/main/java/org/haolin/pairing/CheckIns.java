package org.haolin.pairing;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.pairing.internal.CheckInStore;
import org.haolin.pairing.internal.PairedResidents;
import org.haolin.pairing.internal.PairingAccess;
import org.haolin.pairing.internal.PairingRules;
import org.haolin.pairing.internal.PairingStore;
import org.haolin.pairing.internal.ResidentPlace;
import org.haolin.platform.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static haolin.schema.Tables.PAIRING;

/**
 * The check-in sheet: a helper records contacts with the residents paired with them; "my residents" lists
 * them most urgent first; staff see the overdue pairings of their areas.
 */
@Service
public class CheckIns {

    /** "My residents" shows at most this many lines: the most urgent. */
    public static final int LIST_LIMIT = 200;
    /** The overdue list comes in pages of this many lines (a phone screen or two). */
    public static final int PAGE_SIZE = 50;
    private static final int MAX_PAGE = 999;
    /** "Could not reach" this many times in a row goes to the staff. */
    static final int NOT_REACHED_ESCALATES = 2;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final Scopes scopes;
    private final AuditTrail audit;
    private final PairingAccess access;
    private final PairingStore pairings;
    private final PairingRules rules;
    private final CheckInStore checkIns;
    private final PairedResidents paired;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CheckIns(Scopes scopes, AuditTrail audit, PairingAccess access, PairingStore pairings, PairingRules rules,
             CheckInStore checkIns, PairedResidents paired, ApplicationEventPublisher events, Clock clock) {
        this.scopes = scopes;
        this.audit = audit;
        this.access = access;
        this.pairings = pairings;
        this.rules = rules;
        this.checkIns = checkIns;
        this.paired = paired;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a contact by the resident's current helper. The same idempotency key answers with the check-in
     * it first made, so a retried submission never records twice.
     */
    @Transactional
    public CheckIn record(HaolinUser user, NewCheckIn contact, String idempotencyKey) {
        String key = idempotencyKey == null ? "" : idempotencyKey.strip();
        if (key.length() < 8 || key.length() > 80) {
            throw DomainException.invalid("pairing.checkIn.key");
        }
        if (contact.channel() == null || contact.wellbeing() == null) {
            throw DomainException.invalid("pairing.checkIn.incomplete");
        }
        ResidentPlace place = access.resident(user, Permission.CHECK_IN, contact.residentId());
        var pairing = pairings.currentForUpdate(place.townId(), place.residentId())
                .filter(p -> p.getHelperId() == user.accountId())
                .orElseThrow(() -> DomainException.notFound("pairing.resident.notFound", contact.residentId()));
        long id = checkIns.nextId();
        if (!checkIns.claimKey(place.townId(), key, id)) {
            return checkIns.ofKey(place.townId(), key).orElseThrow();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime contactedAt = contact.contactedAt() == null ? now : contact.contactedAt();
        if (contactedAt.isAfter(now.plus(CLOCK_SKEW)) || contactedAt.isBefore(pairing.getStartedAt().minusDays(1))) {
            throw DomainException.invalid("pairing.checkIn.when");
        }
        NewCheckIn clean = new NewCheckIn(contact.residentId(), contact.channel(), contactedAt, contact.wellbeing(),
                text(contact.notes()), text(contact.need()));
        CheckIn recorded = checkIns.insert(id, pairing, user, clean, contactedAt, now);
        pairings.contacted(pairing, contactedAt, clean.wellbeing().name(), clean.wellbeing() == Wellbeing.NOT_REACHED,
                rules.frequency(place.townId(), place.residentId(), now));
        audit.record(user, AuditAction.CHECK_IN, AuditedObject.of("RESIDENT", place.residentId(), place.townId(),
                place.stairwellPath()), clean.channel() + " " + clean.wellbeing());
        if (clean.wellbeing() == Wellbeing.NOT_REACHED && pairing.getNotReachedRun() + 1 == NOT_REACHED_ESCALATES) {
            events.publishEvent(new PairingNeedsAttention(place.townId(), PairingNeedsAttention.Reason.NOT_REACHED_TWICE,
                    List.of(new PairingNeedsAttention.Lapse(place.residentId(), place.stairwellId(),
                            place.stairwellPath(), user.accountId()))));
        }
        if (clean.need() != null) {
            events.publishEvent(new NeedFound(place.townId(), place.residentId(), place.stairwellId(),
                    place.stairwellPath(), recorded.id(), clean.need()));
        }
        return recorded;
    }

    /** The residents paired with the person, most urgent first (overdue longest first, then due soonest). */
    @Transactional
    public List<PairedResident> myResidents(HaolinUser user) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<PairedResident> mine = paired.list(PAIRING.HELPER_ID.eq(user.accountId())
                .and(scopes.of(user, Permission.CHECK_IN).on(PAIRING.TOWN_ID, PAIRING.AREA_PATH)), now, 0, LIST_LIMIT);
        audit.record(user, AuditAction.LIST, AuditedObject.of("MY_RESIDENTS", user.accountId(), null, null),
                mine.size() + " residents");
        return mine;
    }

    /**
     * One page of the overdue pairings in the person's areas, longest overdue first ({@link #PAGE_SIZE} lines a
     * page, pages from 0), with how many there are in all.
     */
    @Transactional
    public Overdue overdue(HaolinUser user, int page) {
        if (page < 0 || page > MAX_PAGE) {
            throw DomainException.invalid("pairing.overdue.page", MAX_PAGE + 1);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var where = PAIRING.DUE_AT.lt(now)
                .and(scopes.of(user, Permission.PAIR_RESIDENTS).on(PAIRING.TOWN_ID, PAIRING.AREA_PATH));
        List<PairedResident> lines = paired.list(where, now, page * PAGE_SIZE, PAGE_SIZE);
        int total = page == 0 && lines.size() < PAGE_SIZE ? lines.size() : paired.count(where);
        audit.record(user, AuditAction.LIST, AuditedObject.of("OVERDUE_PAIRINGS", null, null, null),
                "page " + page + ": " + lines.size() + " of " + total);
        return new Overdue(total, page, PAGE_SIZE, lines);
    }

    /** How many pairings in the person's areas are overdue now: a count for the overview, no one named. */
    @Transactional(readOnly = true)
    public int overdueCount(HaolinUser user) {
        return paired.count(PAIRING.DUE_AT.lt(OffsetDateTime.now(clock))
                .and(scopes.of(user, Permission.PAIR_RESIDENTS).on(PAIRING.TOWN_ID, PAIRING.AREA_PATH)));
    }

    /** The resident's recent check-ins, for their helper or the staff pairing there. */
    @Transactional
    public List<CheckIn> recent(HaolinUser user, long residentId) {
        ResidentPlace place = scopes.of(user, Permission.PAIR_RESIDENTS).isEmpty()
                ? helped(user, residentId) : access.resident(user, Permission.PAIR_RESIDENTS, residentId);
        audit.record(user, AuditAction.READ, AuditedObject.of("RESIDENT", residentId, place.townId(),
                place.stairwellPath()), "check-ins");
        return checkIns.recent(place.townId(), residentId, 50);
    }

    private ResidentPlace helped(HaolinUser user, long residentId) {
        ResidentPlace place = access.resident(user, Permission.CHECK_IN, residentId);
        pairings.current(place.townId(), residentId).filter(p -> p.getHelperId() == user.accountId())
                .orElseThrow(() -> DomainException.notFound("pairing.resident.notFound", residentId));
        return place;
    }

    /** How many pairings are overdue, and one page of them, the most overdue first. */
    public record Overdue(int total, int page, int pageSize, List<PairedResident> lines) {

        public Overdue {
            lines = List.copyOf(lines);
        }

        public boolean hasMore() {
            return (long) (page + 1) * pageSize < total;
        }
    }

    private static String text(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        if (t.length() > 1000) {
            throw DomainException.invalid("pairing.checkIn.tooLong");
        }
        return t;
    }
}
