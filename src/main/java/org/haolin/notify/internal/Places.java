package org.haolin.notify.internal;

import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.springframework.stereotype.Component;

/** Names a place as people say it: "海韵苑 12号楼1单元" (compound, then building and stairwell run together). */
@Component
class Places {

    private final AreaTree areas;

    Places(AreaTree areas) {
        this.areas = areas;
    }

    String name(Area area) {
        if (area.level().ordinal() < AreaLevel.COMPOUND.ordinal()) {
            return area.name();
        }
        String compound = "";
        StringBuilder below = new StringBuilder();
        for (Area a : areas.lineage(area)) {
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
