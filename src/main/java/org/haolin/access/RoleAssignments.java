package org.haolin.access;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

import static haolin.schema.Tables.ROLE_ASSIGNMENT;

/** Reads an account's role assignments with their area names, for the account pages. */
@Component
class RoleAssignments {

    private final DSLContext db;
    private final AreaDirectory areas;

    RoleAssignments(DSLContext db, AreaDirectory areas) {
        this.db = db;
        this.areas = areas;
    }

    List<RoleAssignment> of(long accountId) {
        var rows = db.selectFrom(ROLE_ASSIGNMENT).where(ROLE_ASSIGNMENT.ACCOUNT_ID.eq(accountId))
                .orderBy(ROLE_ASSIGNMENT.AREA_PATH, ROLE_ASSIGNMENT.ROLE).fetch();
        Map<Long, String> labels = areas.labels(rows.stream().map(r -> r.getAreaId()).toList());
        return rows.stream().map(r -> new RoleAssignment(r.getId(), Role.valueOf(r.getRole()), r.getAreaId(),
                labels.getOrDefault(r.getAreaId(), String.valueOf(r.getAreaId())))).toList();
    }
}
