package org.haolin.wish;

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
import org.haolin.resident.InputText;
import org.haolin.wish.internal.WishSheet;
import org.haolin.wish.internal.WishStore;
import org.haolin.access.Scope;
import org.jooq.Field;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static haolin.schema.Tables.WISH;

/**
 * Wishes from their making to their closing. Staff (TRIAGE_WISHES) make, list and triage them; claimers
 * (CLAIM_WISHES) claim and fulfil published ones; the helper (CHECK_IN over the resident's stairwell) closes or
 * reopens a fulfilled one. Whoever may not see a wish is told it does not exist.
 */
@Service
public class Wishes {

    private final WishStore store;
    private final ServiceCatalogue catalogue;
    private final Claimers claimers;
    private final AreaTree areas;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final Clock clock;
    private final WishSheet sheet;

    Wishes(WishSheet sheet, WishStore store, ServiceCatalogue catalogue, Claimers claimers, AreaTree areas, Scopes scopes,
           AuditTrail audit, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.claimers = claimers;
        this.areas = areas;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
        this.sheet = sheet;
    }

    /** Staff make a wish for a resident in their scope. */
    @Transactional
    public long create(HaolinUser user, NewWish wish) {
        return make(user, Permission.TRIAGE_WISHES, wish, WishOrigin.STAFF);
    }

    /**
     * Staff make a wish through the API with a key they made for it: the same key answers with the wish it made
     * (the boolean says whether this call made it), so a retry never makes two.
     */
    @Transactional
    public Made create(HaolinUser user, NewWish wish, String idempotencyKey) {
        String key = idempotencyKey == null ? "" : idempotencyKey.strip();
        if (key.length() < 8 || key.length() > 80) {
            throw DomainException.invalid("wish.key");
        }
        var earlier = store.requested(user.accountId(), key);
        if (earlier.isPresent()) {
            return new Made(detail(user, earlier.get()), false);
        }
        long id = make(user, Permission.TRIAGE_WISHES, wish, WishOrigin.STAFF);
        Wish made = detail(user, id);
        if (!store.remember(user.accountId(), key, made.townId(), id)) {
            throw DomainException.conflict("wish.key.concurrent"); // rolls this one back; a retry finds the first
        }
        return new Made(made, true);
    }

    /** A wish an API call made, or found made by an earlier call with the same key. */
    public record Made(Wish wish, boolean created) {
    }

    /** A hotline request becomes a wish (those who log the hotline may). */
    @Transactional
    public long fromHotline(HaolinUser user, NewWish wish) {
        return make(user, Permission.LOG_HOTLINE, wish, WishOrigin.HOTLINE);
    }

    /**
     * The need a helper found at a check-in becomes a wish, once per check-in however often it is delivered. user
     * may be null when an event delivers it (the check-in already checked who recorded it).
     */
    @Transactional
    public long fromCheckIn(HaolinUser user, long townId, long residentId, String text, long checkInId) {
        var existing = store.fromCheckIn(townId, checkInId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Area stairwell = store.stairwellOf(townId, residentId).flatMap(areas::find)
                .filter(a -> user == null || scopes.of(user, Permission.CHECK_IN).covers(a.path()))
                .orElseThrow(() -> DomainException.notFound("resident.notFound", residentId));
        String description = description(text);
        return store.insert(stairwell, compoundOf(stairwell), residentId, WishCategory.OTHER, description, null,
                        WishOrigin.CHECK_IN, checkInId, user == null ? null : user.accountId(), nameOf(user), now())
                .map(id -> audited(user, id, stairwell, "CHECK_IN"))
                .orElseGet(() -> store.fromCheckIn(townId, checkInId).orElseThrow());
    }

    /** The town wish list of those who triage; anybody else (claimers too) is refused. */
    @Transactional
    public List<Wish> list(HaolinUser user, WishFilter filter) {
        return listed(user, filter, AuditAction.LIST);
    }

    /**
     * The list as an .xlsx without resident names, rooms, IDs or phones. Built whole before anything is sent (the
     * list is capped), so a refusal still answers with its reason.
     */
    @Transactional
    public byte[] export(HaolinUser user, WishFilter filter, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheet.write(listed(user, filter, AuditAction.EXPORT), today(), clock.getZone(), locale, out);
        return out.toByteArray();
    }

    private List<Wish> listed(HaolinUser user, WishFilter filter, AuditAction action) {
        Scope scope = scopes.of(user, Permission.TRIAGE_WISHES);
        if (scope.isEmpty()) {
            throw DomainException.forbidden("wish.staffOnly");
        }
        Area within = filter.areaId() == null ? null : areas.find(filter.areaId())
                // an area inside the scope, or one above it (the rest of it is out of scope anyway)
                .filter(a -> scope.covers(a.path()) || scope.grants().stream().anyMatch(g -> g.areaPath().startsWith(a.path())))
                .orElseThrow(() -> DomainException.notFound("area.notFound", filter.areaId()));
        List<Wish> wishes = store.list(scope, filter, within);
        audit.record(user, action, AuditedObject.of("WISH", null, null, within == null ? null : within.path()),
                wishes.size() + " wishes");
        return wishes;
    }

    /** The residential areas and compounds the wish list may be filtered by. */
    public List<Area> filterAreas(HaolinUser user) {
        return scopes.of(user, Permission.TRIAGE_WISHES).grants().stream()
                .flatMap(g -> areas.find(g.areaId()).stream())
                .flatMap(root -> java.util.stream.Stream.concat(
                        areas.descendants(root, AreaLevel.RESIDENTIAL_AREA).stream(),
                        areas.descendants(root, AreaLevel.COMPOUND).stream()))
                .sorted(java.util.Comparator.comparing(Area::path)).toList();
    }

    /** A wish as its triagers and the resident's helpers see it. */
    @Transactional
    public Wish detail(HaolinUser user, long wishId) {
        Wish wish = seen(user, wishId);
        audit.record(user, AuditAction.READ, object(wish), null);
        return wish;
    }

    public List<WishChange> history(HaolinUser user, long wishId) {
        return store.history(seen(user, wishId));
    }

    /** Triage: to a service item of the town, with its promised time from now. */
    @Transactional
    public void route(HaolinUser user, long wishId, long itemId) {
        Wish wish = triaged(user, wishId);
        ServiceItem item = catalogue.item(user, itemId);
        if (item.townId() != wish.townId()) {
            throw DomainException.notFound("wish.service.notFound", itemId);
        }
        Map<Field<?>, Object> also = new HashMap<>();
        also.put(WISH.SERVICE_ITEM_ID, item.id());
        also.put(WISH.PROMISED_BY, now().plusHours(item.promisedHours()));
        move(user, wish, WishState.ROUTED_TO_SERVICE, also, item.name());
    }

    /** Triage: to the public board, where claimers see it without the resident. */
    @Transactional
    public void publish(HaolinUser user, long wishId) {
        Wish wish = triaged(user, wishId);
        Map<Field<?>, Object> also = new HashMap<>();
        also.put(WISH.SERVICE_ITEM_ID, null);
        also.put(WISH.PROMISED_BY, null);
        also.put(WISH.CLAIMED_BY, null);
        also.put(WISH.CLAIMED_BY_ORG, null);
        move(user, wish, WishState.PUBLISHED, also, null);
    }

    /** The service item delivered: staff record it fulfilled. */
    @Transactional
    public void serviceDelivered(HaolinUser user, long wishId, String note) {
        Wish wish = triaged(user, wishId);
        if (wish.state() == WishState.CLAIMED) {
            throw DomainException.conflict("wish.illegal.CLAIMED");
        }
        move(user, wish, WishState.FULFILLED, fulfilment(note), note);
    }

    @Transactional(readOnly = true)
    public List<BoardWish> board(HaolinUser user) {
        return store.board(scopes.of(user, Permission.CLAIM_WISHES), user.accountId());
    }

    @Transactional
    public void claim(HaolinUser user, long wishId) {
        Wish wish = onBoard(user, wishId);
        String org = claimers.orgOf(user).map(ClaimerOrg::name).orElse(user.displayName());
        Map<Field<?>, Object> also = new HashMap<>();
        also.put(WISH.CLAIMED_BY, user.accountId());
        also.put(WISH.CLAIMED_BY_ORG, org);
        move(user, wish, WishState.CLAIMED, also, org);
    }

    @Transactional
    public void fulfil(HaolinUser user, long wishId, String note) {
        Wish wish = onBoard(user, wishId); // a published wish is refused by its state: it must be claimed first
        move(user, wish, WishState.FULFILLED, fulfilment(note), note);
    }

    /** The helper asked the resident: the wish came true. */
    @Transactional
    public void close(HaolinUser user, long wishId, String note) {
        move(user, helped(user, wishId), WishState.CLOSED, Map.of(), clean(note));
    }

    /** The helper asked the resident: it did not; back to triage. */
    @Transactional
    public void reopen(HaolinUser user, long wishId, String note) {
        Map<Field<?>, Object> also = new HashMap<>();
        also.put(WISH.FULFILLED_AT, null);
        move(user, helped(user, wishId), WishState.REOPENED, also, clean(note));
    }

    /** For the cockpit: counts by state and route in the viewer's scope, and the median hours to fulfilment. */
    @Transactional(readOnly = true)
    public WishFigures figures(HaolinUser user) {
        var scope = scopes.of(user, Permission.VIEW_COCKPIT);
        return new WishFigures(store.countByState(scope), store.countByRoute(scope), store.medianHoursToFulfil(scope));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private long make(HaolinUser user, Permission permission, NewWish wish, WishOrigin origin) {
        if (wish.residentId() == null) {
            throw DomainException.invalid("wish.required.resident");
        }
        if (wish.category() == null) {
            throw DomainException.invalid("wish.required.category");
        }
        Area stairwell = store.stairwellOf(wish.residentId()).flatMap(areas::find)
                .filter(a -> scopes.of(user, permission).covers(a.path()))
                .orElseThrow(() -> DomainException.notFound("resident.notFound", wish.residentId()));
        long id = store.insert(stairwell, compoundOf(stairwell), wish.residentId(), wish.category(),
                description(wish.description()), wish.neededBy(), origin, null, user.accountId(), nameOf(user),
                now()).orElseThrow();
        return audited(user, id, stairwell, origin.name());
    }

    private long audited(HaolinUser user, long id, Area stairwell, String detail) {
        audit.record(user, AuditAction.WISH, AuditedObject.of("WISH", id, stairwell.townId(), stairwell.path()),
                "NEW " + detail);
        return id;
    }

    private void move(HaolinUser user, Wish wish, WishState to, Map<Field<?>, Object> also, String note) {
        wish.state().to(to);
        if (!store.move(wish, to, also, user.accountId(), nameOf(user), note, now())) {
            throw DomainException.conflict("wish.changedMeanwhile", wish.id());
        }
        audit.record(user, AuditAction.WISH, object(wish), wish.state() + " -> " + to);
    }

    private Map<Field<?>, Object> fulfilment(String note) {
        String text = clean(note);
        if (text == null) {
            throw DomainException.invalid("wish.required.note");
        }
        Map<Field<?>, Object> also = new HashMap<>();
        also.put(WISH.FULFIL_NOTE, text);
        also.put(WISH.FULFILLED_AT, now());
        return also;
    }

    private Wish seen(HaolinUser user, long wishId) {
        return store.find(wishId).filter(w -> scopes.of(user, Permission.TRIAGE_WISHES).covers(w.areaPath())
                        || scopes.of(user, Permission.CHECK_IN).covers(w.areaPath()))
                .orElseThrow(() -> DomainException.notFound("wish.notFound", wishId));
    }

    private Wish triaged(HaolinUser user, long wishId) {
        return store.find(wishId).filter(w -> scopes.of(user, Permission.TRIAGE_WISHES).covers(w.areaPath()))
                .orElseThrow(() -> DomainException.notFound("wish.notFound", wishId));
    }

    private Wish helped(HaolinUser user, long wishId) {
        return store.find(wishId).filter(w -> scopes.of(user, Permission.CHECK_IN).covers(w.areaPath()))
                .orElseThrow(() -> DomainException.notFound("wish.notFound", wishId));
    }

    /** On the claimer's board: published in their scope, or claimed by them. */
    private Wish onBoard(HaolinUser user, long wishId) {
        return store.find(wishId).filter(w -> scopes.of(user, Permission.CLAIM_WISHES).covers(w.areaPath()))
                .filter(w -> w.state() == WishState.PUBLISHED
                        || Long.valueOf(user.accountId()).equals(w.claimedBy()))
                .orElseThrow(() -> DomainException.notFound("wish.notFound", wishId));
    }

    /** The compound the stairwell lies in: the only place the board names. */
    private long compoundOf(Area stairwell) {
        return areas.lineage(stairwell).stream().filter(a -> a.level() == AreaLevel.COMPOUND).findFirst()
                .orElseThrow(() -> DomainException.invalid("wish.noCompound")).id();
    }

    private static String description(String raw) {
        String text = InputText.clean(raw);
        if (text.isEmpty() || text.length() > 1000) {
            throw DomainException.invalid("wish.required.description");
        }
        return text;
    }

    private static String clean(String note) {
        String text = InputText.clean(note);
        if (text.length() > 1000) {
            throw DomainException.invalid("wish.noteTooLong");
        }
        return text.isEmpty() ? null : text;
    }

    private static String nameOf(HaolinUser user) {
        return user == null ? "-" : user.displayName();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static AuditedObject object(Wish wish) {
        return AuditedObject.of("WISH", wish.id(), wish.townId(), wish.areaPath());
    }
}
