package org.haolin.inspection;

import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The residential areas supervision is about, as a person's scope reaches them; and the day it is. */
@Component
class InspectedAreas {

    private final AreaTree areas;
    private final Scopes scopes;
    private final Clock clock;

    InspectedAreas(AreaTree areas, Scopes scopes, Clock clock) {
        this.areas = areas;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** A residential area in which the person may inspect; anything else is "not found", revealing nothing. */
    Area inspected(HaolinUser user, Long areaId) {
        if (areaId == null) {
            throw DomainException.invalid("inspection.area.required");
        }
        return areas.find(areaId)
                .filter(a -> a.level() == AreaLevel.RESIDENTIAL_AREA && may(user, Permission.INSPECT, a.path()))
                .orElseThrow(() -> DomainException.notFound("area.notFound", areaId));
    }

    boolean may(HaolinUser user, Permission permission, String path) {
        return scopes.of(user, permission).covers(path);
    }

    /** The residential areas at or under the areas of the scope's grants, by path. */
    List<Area> residentialAreas(Scope scope) {
        return scope.grants().stream().flatMap(g -> areas.find(g.areaId()).stream())
                .flatMap(root -> switch (Integer.signum(root.level().compareTo(AreaLevel.RESIDENTIAL_AREA))) {
                    case 0 -> Stream.of(root);
                    case -1 -> areas.descendants(root, AreaLevel.RESIDENTIAL_AREA).stream();
                    default -> Stream.empty();
                })
                .distinct()
                .sorted(Comparator.comparing(Area::path))
                .toList();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** The day a time falls on, where the town is. */
    LocalDate localDay(OffsetDateTime time) {
        return time.atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    /** Monday 00:00 of this week, where the town is. */
    OffsetDateTime weekStart() {
        return today().with(java.time.DayOfWeek.MONDAY).atStartOfDay(clock.getZone()).toOffsetDateTime();
    }
}
