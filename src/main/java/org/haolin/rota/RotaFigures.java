package org.haolin.rota;

import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.ROTA;
import static haolin.schema.Tables.ROTA_SHIFT;
import static haolin.schema.Tables.SHIFT_START;
import static haolin.schema.Tables.WORKFORCE_PERSON;
import static org.jooq.impl.DSL.countDistinct;

/**
 * The rota's figures for the cockpit, over the reader's cockpit scope and today: rest-day compliance of each
 * published rota covering today (see {@link RestDayCompliance}), and volunteers on duty today.
 */
@Service
public class RotaFigures {

    /** The longest rota there is (rota.days), so rotas covering today started at most this long ago. */
    private static final int LONGEST_ROTA_DAYS = 62;

    private final Scopes scopes;
    private final DSLContext db;
    private final Clock clock;

    RotaFigures(Scopes scopes, DSLContext db, Clock clock) {
        this.scopes = scopes;
        this.db = db;
        this.clock = clock;
    }

    /** One entry per published rota covering today, by the area it covers. */
    @Transactional(readOnly = true)
    public List<RestDayCompliance> restDayCompliance(HaolinUser user) {
        LocalDate today = LocalDate.now(clock);
        Scope scope = scopes.of(user, Permission.VIEW_COCKPIT);
        var rotas = db.select(ROTA.ID, ROTA.NAME, ROTA.FIRST_DAY, ROTA.DAYS, AREA.ID, AREA.NAME)
                .from(ROTA).join(AREA).on(AREA.ID.eq(ROTA.AREA_ID))
                .where(scope.on(ROTA.TOWN_ID, ROTA.AREA_PATH), ROTA.STATE.eq("PUBLISHED"), ROTA.FIRST_DAY.le(today),
                        ROTA.FIRST_DAY.gt(today.minusDays(LONGEST_ROTA_DAYS)))
                .orderBy(AREA.PATH, ROTA.FIRST_DAY)
                .fetch().stream()
                .filter(r -> r.get(ROTA.FIRST_DAY).plusDays(r.get(ROTA.DAYS)).isAfter(today))
                .toList();
        Map<Long, Map<Long, Set<LocalDate>>> worked = daysWorked(rotas.stream().map(r -> r.get(ROTA.ID)).toList(), today);
        return rotas.stream().map(r -> {
            Map<Long, Set<LocalDate>> people = worked.getOrDefault(r.get(ROTA.ID), Map.of());
            int compliant = (int) people.values().stream()
                    .filter(days -> RestDayCompliance.restsEverySeven(days, r.get(ROTA.FIRST_DAY), today)).count();
            return new RestDayCompliance(r.get(ROTA.ID), r.get(ROTA.NAME), r.get(AREA.ID), r.get(AREA.NAME),
                    people.size(), compliant);
        }).toList();
    }

    /** Volunteers holding a shift of a published rota today inside the reader's scope, and how many started. */
    @Transactional(readOnly = true)
    public VolunteersOnDuty volunteersOnDuty(HaolinUser user) {
        LocalDate today = LocalDate.now(clock);
        var counts = db.select(countDistinct(ROTA_SHIFT.PERSON_ID), countDistinct(SHIFT_START.PERSON_ID))
                .from(ROTA_SHIFT)
                .join(ROTA).on(ROTA.ID.eq(ROTA_SHIFT.ROTA_ID))
                .join(WORKFORCE_PERSON).on(WORKFORCE_PERSON.ID.eq(ROTA_SHIFT.PERSON_ID))
                .leftJoin(SHIFT_START).on(SHIFT_START.SHIFT_ID.eq(ROTA_SHIFT.ID))
                .where(scopes.of(user, Permission.VIEW_COCKPIT).on(ROTA_SHIFT.TOWN_ID, ROTA_SHIFT.AREA_PATH),
                        ROTA_SHIFT.DAY.eq(today), ROTA.STATE.eq("PUBLISHED"), WORKFORCE_PERSON.VOLUNTEER.isTrue())
                .fetchOne();
        return new VolunteersOnDuty(counts.value1(), counts.value2());
    }

    /** rota → person → the days up to today they hold any shift of it. */
    private Map<Long, Map<Long, Set<LocalDate>>> daysWorked(List<Long> rotaIds, LocalDate today) {
        return db.selectDistinct(ROTA_SHIFT.ROTA_ID, ROTA_SHIFT.PERSON_ID, ROTA_SHIFT.DAY).from(ROTA_SHIFT)
                .where(ROTA_SHIFT.ROTA_ID.in(rotaIds), ROTA_SHIFT.PERSON_ID.isNotNull(), ROTA_SHIFT.DAY.le(today))
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(r -> r.get(ROTA_SHIFT.ROTA_ID),
                        Collectors.groupingBy(r -> r.get(ROTA_SHIFT.PERSON_ID),
                                Collectors.mapping(r -> r.get(ROTA_SHIFT.DAY), Collectors.toCollection(HashSet::new)))));
    }
}
