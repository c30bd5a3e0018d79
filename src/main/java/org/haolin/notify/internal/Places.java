package org.haolin.notify.internal;

import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Names a place as people say it: "海韵苑 12号楼1单元" (compound, then building and stairwell run together). */
@Component
class Places {

    private final AreaTree areas;

    Places(AreaTree areas) {
        this.areas = areas;
    }

    String name(Area area) {
        return name(area, areas.lineage(area));
    }

    /** The names of many places, reading the tree once: for a list that lands in a thousand stairwells. */
    Map<Long, String> names(Collection<Area> places) {
        Map<Long, Area> lineages = areas.findAll(places.stream().flatMap(a -> a.lineage().stream()).distinct().toList());
        return places.stream().collect(Collectors.toMap(Area::id, a -> name(a,
                a.lineage().stream().map(lineages::get).filter(Objects::nonNull).toList())));
    }

    private static String name(Area area, List<Area> lineage) {
        if (area.level().ordinal() < AreaLevel.COMPOUND.ordinal()) {
            return area.name();
        }
        String compound = "";
        StringBuilder below = new StringBuilder();
        for (Area a : lineage) {
            switch (a.level()) {
                case COMPOUND -> compound = a.name();
                case BUILDING, STAIRWELL -> below.append(a.name());
                default -> { }
            }
        }
        return below.isEmpty() ? compound : compound + " " + below;
    }

    static String link(Area area) {
        return (area.level() == AreaLevel.STAIRWELL ? "/stairwells/" : "/areas/") + area.id();
    }
}
