package org.haolin.rota;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.platform.DomainException;
import org.haolin.rota.internal.DayWishStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Day wishes for the rota: a person says which coming days they cannot work (UNAVAILABLE, never put on) or would
 * rather rest (PREFERS_REST, avoided when possible). Each person sets their own, through the workforce person
 * their account is linked to; staff with MANAGE_ROTA over the person's area may do it for them (a phone call).
 */
@Service
public class DayWishes {

    /** How far ahead a wish may be given (the longest rota). */
    public static final int MAX_DAYS_AHEAD = 62;
    /** How many days the page lists. */
    public static final int LISTED_DAYS = 28;

    private final DayWishStore store;
    private final MyShifts myShifts;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final Clock clock;

    DayWishes(DayWishStore store, MyShifts myShifts, Scopes scopes, AuditTrail audit, Clock clock) {
        this.store = store;
        this.myShifts = myShifts;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The user's own next four weeks. */
    @Transactional(readOnly = true)
    public WishList mine(HaolinUser user) {
        return own(user).map(this::listOf).orElseGet(() -> new WishList(false, null, null, List.of()));
    }

    /** Sets or clears (kind null) the user's own wish for a day. */
    @Transactional
    public void setMine(HaolinUser user, LocalDate day, WishKind kind) {
        DayWishStore.Place place = own(user).orElseThrow(() -> DomainException.invalid("rota.wish.notLinked"));
        put(user, place, day, kind);
    }

    /** A person's next four weeks as staff over their area see them; anyone else's is not found. */
    @Transactional
    public WishList of(HaolinUser user, long personId) {
        DayWishStore.Place place = managed(user, personId);
        audit.record(user, AuditAction.READ, object(place), "day wishes");
        return listOf(place);
    }

    @Transactional
    public void setFor(HaolinUser user, long personId, LocalDate day, WishKind kind) {
        put(user, managed(user, personId), day, kind);
    }

    private void put(HaolinUser user, DayWishStore.Place place, LocalDate day, WishKind kind) {
        LocalDate today = LocalDate.now(clock);
        if (day == null) {
            throw DomainException.invalid("rota.wish.dayRequired");
        }
        if (day.isBefore(today)) {
            throw DomainException.invalid("rota.wish.past", day);
        }
        if (day.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw DomainException.invalid("rota.wish.tooFar", day, MAX_DAYS_AHEAD);
        }
        store.put(place, day, kind == null ? null : kind.name());
        audit.record(user, AuditAction.SHIFT, object(place), "wish " + day + " " + (kind == null ? "cleared" : kind));
    }

    private WishList listOf(DayWishStore.Place place) {
        LocalDate today = LocalDate.now(clock);
        LocalDate last = today.plusDays(LISTED_DAYS - 1);
        Map<LocalDate, String> wishes = store.wishes(place.personId(), today, last);
        return new WishList(true, place.personId(), place.name(), today.datesUntil(last.plusDays(1))
                .map(d -> new DayWish(d, wishes.containsKey(d) ? WishKind.valueOf(wishes.get(d)) : null)).toList());
    }

    /** The user's workforce person (the first town they are linked in). */
    private java.util.Optional<DayWishStore.Place> own(HaolinUser user) {
        return myShifts.personsOf(user).values().stream().findFirst().flatMap(store::place);
    }

    private DayWishStore.Place managed(HaolinUser user, long personId) {
        return store.place(personId)
                .filter(p -> scopes.of(user, Permission.MANAGE_ROTA).covers(p.areaPath()))
                .orElseThrow(() -> DomainException.notFound("workforce.person.notFound", personId));
    }

    private static AuditedObject object(DayWishStore.Place place) {
        return AuditedObject.of("WORKFORCE_PERSON", place.personId(), place.townId(), place.areaPath());
    }
}
