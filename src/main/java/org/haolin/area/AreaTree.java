package org.haolin.area;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.platform.DomainException;
import haolin.schema.tables.records.AreaRecord;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static haolin.schema.Sequences.HAOLIN_ID;
import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.ZONE_LEVEL_CHANGE;

/** The jurisdiction tree: browse within scope, build it, and change zone levels with their history. */
@Service
public class AreaTree {

    private final DSLContext db;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    AreaTree(DSLContext db, Scopes scopes, AuditTrail audit, ApplicationEventPublisher events) {
        this.db = db;
        this.scopes = scopes;
        this.audit = audit;
        this.events = events;
    }

    /** Any area, unscoped: for modules that check scope themselves on what lies below it. */
    public Optional<Area> find(long id) {
        return db.selectFrom(AREA).where(AREA.ID.eq(id)).fetchOptional(AreaTree::toArea);
    }

    /** An area the person may read residents in (or an ancestor of one, to find the way down). */
    public Area visible(HaolinUser user, long id) {
        Area area = find(id).orElseThrow(() -> DomainException.notFound("area.notFound", id));
        if (!reachable(scopes.of(user, Permission.READ_RESIDENTS), area)) {
            throw DomainException.notFound("area.notFound", id);
        }
        return area;
    }

    /** The areas a person's scope starts at: their own grants' areas, outermost first. */
    public List<Area> roots(HaolinUser user) {
        Scope scope = scopes.of(user, Permission.READ_RESIDENTS);
        List<Long> ids = scope.grants().stream().map(g -> g.areaId()).toList();
        return db.selectFrom(AREA).where(AREA.ID.in(ids)).orderBy(AREA.PATH).fetch(AreaTree::toArea);
    }

    public List<Area> children(HaolinUser user, long parentId) {
        Area parent = visible(user, parentId);
        Scope scope = scopes.of(user, Permission.READ_RESIDENTS);
        return db.selectFrom(AREA)
                .where(AREA.PARENT_ID.eq(parent.id()))
                .orderBy(AREA.SORT_KEY, AREA.NAME)
                .fetch(AreaTree::toArea).stream()
                .filter(a -> reachable(scope, a))
                .toList();
    }

    /** Many areas at once, unscoped (for listeners naming the places of a whole list), by id. */
    public java.util.Map<Long, Area> findAll(java.util.Collection<Long> ids) {
        return db.selectFrom(AREA).where(AREA.ID.in(ids)).fetch(AreaTree::toArea).stream()
                .collect(java.util.stream.Collectors.toMap(Area::id, a -> a));
    }

    /** The chain from the top down to the area, for breadcrumbs. */
    public List<Area> lineage(Area area) {
        return db.selectFrom(AREA).where(AREA.ID.in(area.lineage())).orderBy(AREA.PATH).fetch(AreaTree::toArea);
    }

    /** The compounds and buildings at or under an area that are not at the normal level, strictest first; unscoped. */
    public List<Area> zoned(Area root) {
        return db.selectFrom(AREA)
                .where(AREA.PATH.like(root.path() + "%"), AREA.ZONE_LEVEL.ne(ZoneLevel.NORMAL.name()))
                .fetch(AreaTree::toArea).stream()
                .sorted(Comparator.comparing(Area::zoneLevel).thenComparing(Area::path))
                .toList();
    }

    /** Every stairwell (or other level) under an area, unscoped: callers pass an area they checked. */
    public List<Area> descendants(Area root, AreaLevel level) {
        return db.selectFrom(AREA)
                .where(AREA.PATH.like(root.path() + "%"), AREA.LEVEL.eq(level.name()))
                .orderBy(AREA.PATH).fetch(AreaTree::toArea);
    }

    @Transactional
    public Area createDistrict(String code, String name) {
        long id = db.nextval(HAOLIN_ID);
        db.insertInto(AREA).set(AREA.ID, id).set(AREA.LEVEL, AreaLevel.DISTRICT.name())
                .set(AREA.CODE, code).set(AREA.NAME, name).set(AREA.PATH, id + ".").execute();
        return find(id).orElseThrow();
    }

    /** Adds a child one level below its parent. Town admins only, inside their scope. */
    @Transactional
    public Area create(HaolinUser user, long parentId, String name, String code) {
        Area parent = find(parentId).orElseThrow(() -> DomainException.notFound("area.notFound", parentId));
        requireManage(user, parent);
        Area child = insertChild(parent, name, code);
        audit.record(user, AuditAction.AREA_CHANGE, AuditedObject.of("AREA", child.id(), child.townId(), child.path()),
                "created " + child.level());
        return child;
    }

    /** For the demo generator and importers that build the tree in bulk: no scope check. */
    @Transactional
    public Area insertChild(Area parent, String name, String code) {
        AreaLevel level = parent.level().below();
        if (level == null) {
            throw DomainException.invalid("area.noLevelBelow", parent.name());
        }
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw DomainException.invalid("area.name.invalid");
        }
        if (db.fetchExists(AREA, AREA.PARENT_ID.eq(parent.id()), AREA.NAME.eq(clean))) {
            throw DomainException.conflict("area.name.taken", clean);
        }
        long id = db.nextval(HAOLIN_ID);
        Long townId = level == AreaLevel.TOWN ? id : parent.townId();
        db.insertInto(AREA)
                .set(AREA.ID, id).set(AREA.PARENT_ID, parent.id()).set(AREA.LEVEL, level.name())
                .set(AREA.TOWN_ID, townId).set(AREA.CODE, code).set(AREA.NAME, clean)
                .set(AREA.PATH, parent.path() + id + ".")
                .set(AREA.SORT_KEY, db.fetchCount(AREA, AREA.PARENT_ID.eq(parent.id())))
                .execute();
        return find(id).orElseThrow();
    }

    @Transactional
    public Area rename(HaolinUser user, long id, String name) {
        Area area = find(id).orElseThrow(() -> DomainException.notFound("area.notFound", id));
        requireManage(user, area);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw DomainException.invalid("area.name.invalid");
        }
        if (db.fetchExists(AREA, AREA.PARENT_ID.eq(area.parentId()), AREA.NAME.eq(clean), AREA.ID.ne(id))) {
            throw DomainException.conflict("area.name.taken", clean);
        }
        db.update(AREA).set(AREA.NAME, clean).set(AREA.VERSION, AREA.VERSION.plus(1)).where(AREA.ID.eq(id)).execute();
        audit.record(user, AuditAction.AREA_CHANGE, AuditedObject.of("AREA", id, area.townId(), area.path()), "renamed");
        return find(id).orElseThrow();
    }

    /** Raises or lowers a compound's or building's zone level; the reason and author go into its history. */
    @Transactional
    public ZoneLevelChange changeZoneLevel(HaolinUser user, long areaId, ZoneLevel to, String reason) {
        Area area = find(areaId).orElseThrow(() -> DomainException.notFound("area.notFound", areaId));
        if (!scopes.of(user, Permission.SET_ZONE_LEVEL).covers(area.path())) {
            throw DomainException.notFound("area.notFound", areaId);
        }
        if (!area.level().hasZoneLevel()) {
            throw DomainException.invalid("zone.level.notApplicable");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw DomainException.invalid("zone.reason.required");
        }
        if (why.length() > 500) {
            throw DomainException.invalid("zone.reason.tooLong", 500);
        }
        db.update(AREA).set(AREA.ZONE_LEVEL, to.name()).set(AREA.VERSION, AREA.VERSION.plus(1))
                .where(AREA.ID.eq(areaId)).execute();
        db.insertInto(ZONE_LEVEL_CHANGE)
                .set(ZONE_LEVEL_CHANGE.TOWN_ID, area.townId()).set(ZONE_LEVEL_CHANGE.AREA_ID, areaId)
                .set(ZONE_LEVEL_CHANGE.AREA_PATH, area.path())
                .set(ZONE_LEVEL_CHANGE.FROM_LEVEL, area.zoneLevel().name()).set(ZONE_LEVEL_CHANGE.TO_LEVEL, to.name())
                .set(ZONE_LEVEL_CHANGE.REASON, why)
                .set(ZONE_LEVEL_CHANGE.CHANGED_BY, user.accountId())
                .set(ZONE_LEVEL_CHANGE.CHANGED_BY_NAME, user.displayName())
                .execute();
        audit.record(user, AuditAction.ZONE_LEVEL_CHANGE, AuditedObject.of("AREA", areaId, area.townId(), area.path()),
                area.zoneLevel() + " -> " + to);
        events.publishEvent(new ZoneLevelChanged(area.townId(), areaId, area.path(), area.name(), area.zoneLevel(), to,
                why, user.accountId()));
        return zoneHistory(user, areaId).getFirst();
    }

    public List<ZoneLevelChange> zoneHistory(HaolinUser user, long areaId) {
        Area area = visible(user, areaId);
        return db.selectFrom(ZONE_LEVEL_CHANGE)
                .where(ZONE_LEVEL_CHANGE.TOWN_ID.eq(area.townId()), ZONE_LEVEL_CHANGE.AREA_ID.eq(areaId))
                .orderBy(ZONE_LEVEL_CHANGE.CHANGED_AT.desc(), ZONE_LEVEL_CHANGE.ID.desc())
                .fetch(r -> new ZoneLevelChange(r.getAreaId(), ZoneLevel.valueOf(r.getFromLevel()),
                        ZoneLevel.valueOf(r.getToLevel()), r.getReason(), r.getChangedByName(), r.getChangedAt()));
    }

    /** Inside the scope, or an ancestor of an area inside it (so a person can walk down to their own area). */
    private static boolean reachable(Scope scope, Area area) {
        return scope.covers(area.path()) || scope.grants().stream().anyMatch(g -> g.areaPath().startsWith(area.path()));
    }

    private void requireManage(HaolinUser user, Area area) {
        if (!scopes.of(user, Permission.MANAGE_AREAS).covers(area.path())) {
            throw DomainException.notFound("area.notFound", area.id());
        }
    }

    static Area toArea(AreaRecord r) {
        return new Area(r.getId(), r.getParentId(), AreaLevel.valueOf(r.getLevel()), r.getTownId(), r.getCode(),
                r.getName(), r.getPath(), ZoneLevel.valueOf(r.getZoneLevel()));
    }
}
