package org.haolin.plan;

import org.haolin.access.Accounts;
import org.haolin.access.Grant;
import org.haolin.access.HaolinUser;
import org.haolin.access.Role;
import org.haolin.area.Area;
import org.haolin.area.ZoneLevel;
import org.jooq.DSLContext;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static haolin.schema.Tables.WORKFORCE_PERSON;

/** Workforce people and posts for plan tests, written straight into the tables the workforce pages keep. */
public record PlanFixture(DSLContext db, Accounts accounts) {

    /** A person serving in an area (a residential area, or the town for cadres). */
    public long person(Area area, String name) {
        return db.insertInto(WORKFORCE_PERSON)
                .set(WORKFORCE_PERSON.TOWN_ID, area.townId()).set(WORKFORCE_PERSON.AREA_ID, area.id())
                .set(WORKFORCE_PERSON.AREA_PATH, area.path()).set(WORKFORCE_PERSON.NAME, name)
                .set(WORKFORCE_PERSON.CREATED_AT, OffsetDateTime.now())
                .returning(WORKFORCE_PERSON.ID).fetchOne().getId();
    }

    /** A gate post needing the given people at NORMAL and SEALED, with its leader and members. */
    public static PostForm gate(String name, long leader, int normal, int sealed, List<Long> members) {
        return new PostForm("GATE_DUTY", name, "东门", "测温、验码、登记", leader, LocalTime.of(7, 0),
                LocalTime.of(19, 0), sealed, null, null, normal, members);
    }

    public static Map<ZoneLevel, Integer> staffing(int normal, int sealed) {
        return Map.of(ZoneLevel.NORMAL, normal, ZoneLevel.SEALED, sealed);
    }

    /** Someone holding a role on an area, beyond the test town's own users. */
    public HaolinUser user(String username, Role role, Area area) {
        long id = accounts.create(username, role.name() + " " + username, "correct horse battery", false);
        accounts.assign(id, new Grant(role, area.townId(), area.id(), area.path()));
        return accounts.user(id).orElseThrow();
    }
}
