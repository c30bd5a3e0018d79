package org.haolin.hotline;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.hotline.internal.HotlineStore;
import org.haolin.platform.DomainException;
import org.haolin.platform.Masking;
import org.haolin.platform.SensitiveData;
import org.haolin.resident.InputText;
import org.haolin.wish.NewWish;
import org.haolin.wish.WishCategory;
import org.haolin.wish.Wishes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The stairwell hotline. Those who hold LOG_HOTLINE over a stairwell log its calls, follow its requests, make
 * them wishes and set its hotline contact; nobody else learns a request exists.
 */
@Service
public class Hotline {

    private final HotlineStore store;
    private final AreaTree areas;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final SensitiveData sensitive;
    private final Wishes wishes;
    private final Clock clock;

    Hotline(HotlineStore store, AreaTree areas, Scopes scopes, AuditTrail audit, SensitiveData sensitive,
            Wishes wishes, Clock clock) {
        this.store = store;
        this.areas = areas;
        this.scopes = scopes;
        this.audit = audit;
        this.sensitive = sensitive;
        this.wishes = wishes;
        this.clock = clock;
    }

    @Transactional
    public long log(HaolinUser user, NewCall call) {
        Area stairwell = stairwell(user, call.stairwellId());
        String name = text(call.callerName(), 60, "hotline.required.caller");
        String topic = text(call.topic(), 1000, "hotline.required.topic");
        String phone = phone(call.callerPhone());
        long id = store.insert(stairwell, name, phone == null ? null : sensitive.encrypt(phone),
                phone == null ? null : Masking.phone(phone), topic,
                call.urgency() == null ? Urgency.NORMAL : call.urgency(), user.accountId(), user.displayName(), now());
        audit.record(user, AuditAction.HOTLINE, AuditedObject.of("HOTLINE_REQUEST", id, stairwell.townId(),
                stairwell.path()), "logged");
        return id;
    }

    @Transactional
    public List<HotlineRequest> list(HaolinUser user, RequestStatus status) {
        var scope = scopes.of(user, Permission.LOG_HOTLINE);
        if (scope.isEmpty()) {
            throw DomainException.forbidden("hotline.staffOnly");
        }
        List<HotlineRequest> requests = store.list(scope, status);
        audit.record(user, AuditAction.LIST, AuditedObject.of("HOTLINE_REQUEST", null, null, null),
                requests.size() + " requests");
        return requests;
    }

    @Transactional
    public HotlineRequest request(HaolinUser user, long id) {
        HotlineRequest request = followed(user, id);
        audit.record(user, AuditAction.READ, object(request), null);
        return request;
    }

    @Transactional
    public void move(HaolinUser user, long id, RequestStatus to) {
        HotlineRequest request = followed(user, id);
        if (!store.move(request, request.status().to(to), null, now())) {
            throw DomainException.conflict("hotline.changedMeanwhile", id);
        }
        audit.record(user, AuditAction.HOTLINE, object(request), request.status() + " -> " + to);
    }

    /** The request becomes a wish of a resident of its stairwell (origin HOTLINE); an open request is now in progress. */
    @Transactional
    public long makeWish(HaolinUser user, long id, Long residentId, WishCategory category, LocalDate neededBy) {
        HotlineRequest request = followed(user, id);
        if (request.wishId() != null) {
            throw DomainException.conflict("hotline.wish.already", request.wishId());
        }
        if (request.status() == RequestStatus.DONE) {
            throw DomainException.conflict("hotline.illegal.DONE");
        }
        long wishId = wishes.fromHotline(user, new NewWish(residentId, category, request.topic(), neededBy));
        if (wishes.detail(user, wishId).areaId() != request.stairwellId()) {
            throw DomainException.invalid("hotline.wish.otherStairwell");
        }
        RequestStatus next = request.status() == RequestStatus.OPEN ? RequestStatus.IN_PROGRESS : request.status();
        if (!store.move(request, next, wishId, now())) {
            throw DomainException.conflict("hotline.changedMeanwhile", id);
        }
        audit.record(user, AuditAction.HOTLINE, object(request), "wish " + wishId);
        return wishId;
    }

    @Transactional
    public void setContact(HaolinUser user, Long stairwellId, String name, String phone) {
        Area stairwell = stairwell(user, stairwellId);
        String clean = phone(phone);
        if (clean == null) {
            throw DomainException.invalid("hotline.required.phone");
        }
        store.setContact(stairwell, text(name, 60, "hotline.required.contact"), sensitive.encrypt(clean),
                Masking.phone(clean));
        audit.record(user, AuditAction.HOTLINE, AuditedObject.of("HOTLINE_CONTACT", stairwell.id(),
                stairwell.townId(), stairwell.path()), "contact set");
    }

    /** The stairwells where the person logs hotline calls, labelled "building stairwell", for the log form. */
    public List<StairwellChoice> stairwells(HaolinUser user) {
        var scope = scopes.of(user, Permission.LOG_HOTLINE);
        List<Area> stairwells = scope.grants().stream().flatMap(g -> areas.find(g.areaId()).stream())
                .flatMap(root -> root.level() == AreaLevel.STAIRWELL ? java.util.stream.Stream.of(root)
                        : areas.descendants(root, AreaLevel.STAIRWELL).stream())
                .toList();
        var buildings = areas.findAll(stairwells.stream().map(Area::parentId).distinct().toList());
        return stairwells.stream().map(s -> new StairwellChoice(s.id(),
                buildings.get(s.parentId()).name() + " " + s.name())).toList();
    }

    private Area stairwell(HaolinUser user, Long stairwellId) {
        if (stairwellId == null) {
            throw DomainException.invalid("hotline.required.stairwell");
        }
        return areas.find(stairwellId)
                .filter(a -> a.level() == AreaLevel.STAIRWELL && scopes.of(user, Permission.LOG_HOTLINE).covers(a.path()))
                .orElseThrow(() -> DomainException.notFound("area.notFound", stairwellId));
    }

    private HotlineRequest followed(HaolinUser user, long id) {
        return store.find(id).filter(r -> scopes.of(user, Permission.LOG_HOTLINE).covers(r.stairwellPath()))
                .orElseThrow(() -> DomainException.notFound("hotline.notFound", id));
    }

    private static String text(String raw, int max, String key) {
        String text = InputText.clean(raw);
        if (text.isEmpty() || text.length() > max) {
            throw DomainException.invalid(key);
        }
        return text;
    }

    /** The phone as given, normalised; null when none was given; refused when it is no phone number. */
    private static String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String phone = InputText.phone(raw);
        if (phone == null || !InputText.isPhone(phone)) {
            throw DomainException.invalid("hotline.phone.invalid");
        }
        return phone;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static AuditedObject object(HotlineRequest r) {
        return AuditedObject.of("HOTLINE_REQUEST", r.id(), r.townId(), r.stairwellPath());
    }
}
