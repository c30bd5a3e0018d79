package org.haolin.access;

import haolin.schema.tables.records.AuditEventRecord;
import org.haolin.platform.DomainException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import static haolin.schema.Tables.AUDIT_EVENT;
import static haolin.schema.Tables.ROLE_ASSIGNMENT;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

/**
 * The audit trail as a town administrator reads it: only rows about places inside their scope, and rows
 * about no place (sign-ins, searches) only for people who hold a role inside it. Newest first, one page
 * at a time, continuing below the last (at, id) seen. Reading it is itself audited.
 */
@Service
public class AuditLog {

    public static final int PAGE_SIZE = 50;

    /** Filters; all optional. The "before" pair is the cursor: the last row of the previous page. */
    public record Query(String username, LocalDate from, LocalDate to, Long residentId, AuditAction action,
                        OffsetDateTime beforeAt, Long beforeId) {

        public static Query all() {
            return new Query(null, null, null, null, null, null, null);
        }

        public Query before(Entry last) {
            return new Query(username, from, to, residentId, action, last.at(), last.id());
        }
    }

    public record Entry(long id, OffsetDateTime at, String username, String action, String objectType, Long objectId,
                        Long areaId, String areaLabel, String result, String detail) {
    }

    /** One page; {@code more} says whether older rows remain below the last one. */
    public record Page(List<Entry> entries, boolean more) {

        public Entry last() {
            return entries.isEmpty() ? null : entries.getLast();
        }
    }

    private final DSLContext db;
    private final Scopes scopes;
    private final AreaDirectory areas;
    private final AuditTrail audit;
    private final Clock clock;

    AuditLog(DSLContext db, Scopes scopes, AreaDirectory areas, AuditTrail audit, Clock clock) {
        this.db = db;
        this.scopes = scopes;
        this.areas = areas;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Page page(HaolinUser reader, Query query) {
        Scope scope = scopes.of(reader, Permission.READ_AUDIT);
        if (scope.isEmpty()) {
            throw DomainException.forbidden("access.denied");
        }
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw DomainException.invalid("audit.dates.reversed");
        }
        List<AuditEventRecord> rows = db.selectFrom(AUDIT_EVENT)
                .where(visible(scope), filters(query))
                .orderBy(AUDIT_EVENT.AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(PAGE_SIZE + 1)
                .fetch();
        audit.record(reader, AuditAction.LIST, AuditedObject.of("AUDIT", null, null, null), describe(query));
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(entries(more ? rows.subList(0, PAGE_SIZE) : rows), more);
    }

    private static Condition visible(Scope scope) {
        Condition aboutAPlaceInScope = scope.on(AUDIT_EVENT.TOWN_ID, AUDIT_EVENT.AREA_PATH);
        Condition byAPersonInScope = AUDIT_EVENT.AREA_PATH.isNull().and(AUDIT_EVENT.ACCOUNT_ID.in(
                select(ROLE_ASSIGNMENT.ACCOUNT_ID).from(ROLE_ASSIGNMENT)
                        .where(scope.on(ROLE_ASSIGNMENT.TOWN_ID, ROLE_ASSIGNMENT.AREA_PATH))));
        return aboutAPlaceInScope.or(byAPersonInScope);
    }

    private Condition filters(Query q) {
        Condition where = noCondition();
        if (q.username() != null && !q.username().isBlank()) {
            where = where.and(AUDIT_EVENT.USERNAME.eq(Accounts.normaliseUsername(q.username())));
        }
        if (q.from() != null) {
            where = where.and(AUDIT_EVENT.AT.ge(startOf(q.from())));
        }
        if (q.to() != null) {
            where = where.and(AUDIT_EVENT.AT.lt(startOf(q.to().plusDays(1))));
        }
        if (q.residentId() != null) {
            where = where.and(AUDIT_EVENT.OBJECT_TYPE.eq("RESIDENT")).and(AUDIT_EVENT.OBJECT_ID.eq(q.residentId()));
        }
        if (q.action() != null) {
            where = where.and(AUDIT_EVENT.ACTION.eq(q.action().name()));
        }
        if (q.beforeAt() != null && q.beforeId() != null) {
            where = where.and(row(AUDIT_EVENT.AT, AUDIT_EVENT.ID).lt(q.beforeAt(), q.beforeId()));
        }
        return where;
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toOffsetDateTime();
    }

    private List<Entry> entries(List<AuditEventRecord> rows) {
        List<Long> areaIds = rows.stream().map(r -> areaOf(r.getAreaPath())).filter(Objects::nonNull).distinct().toList();
        Map<Long, String> labels = areas.labels(areaIds);
        return rows.stream().map(r -> {
            Long areaId = areaOf(r.getAreaPath());
            return new Entry(r.getId(), r.getAt(), r.getUsername(), r.getAction(), r.getObjectType(), r.getObjectId(),
                    areaId, areaId == null ? null : labels.get(areaId), r.getResult(), r.getDetail());
        }).toList();
    }

    /** The innermost area of a path: its last id. */
    private static Long areaOf(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        String[] ids = path.split("\\.");
        return Long.valueOf(ids[ids.length - 1]);
    }

    /** The filters as the audit row of this read records them, e.g. "user=leader1 action=READ". */
    private static String describe(Query q) {
        StringJoiner filters = new StringJoiner(" ").setEmptyValue("all");
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("user", q.username() == null || q.username().isBlank() ? null : q.username());
        given.put("from", q.from());
        given.put("to", q.to());
        given.put("resident", q.residentId());
        given.put("action", q.action());
        given.put("before", q.beforeId());
        given.forEach((name, value) -> {
            if (value != null) {
                filters.add(name + "=" + value);
            }
        });
        return filters.toString();
    }
}
