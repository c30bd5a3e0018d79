package org.haolin.cockpit;

import org.haolin.area.Area;
import org.haolin.area.AreaLevel;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The town overview of one area (or, for a person with several areas, of all of them: area is then null):
 * its figures, the same figures for each area one level down, and the count of each tag in use.
 *
 * @param lineage the areas from the top down to this one, for the breadcrumb
 * @param asOf    when the figures were counted; null while they have not been counted yet
 */
public record Overview(Area area, List<Area> lineage, Figures totals, List<AreaFigures> parts,
                       List<TagFigure> tags, OffsetDateTime asOf) {

    public Overview {
        lineage = List.copyOf(lineage);
        parts = List.copyOf(parts);
        tags = List.copyOf(tags);
    }

    public boolean atStairwell() {
        return area != null && area.level() == AreaLevel.STAIRWELL;
    }

    /** The level of the rows, when they share one (they do below a single area). */
    public AreaLevel partLevel() {
        return area == null || area.level().below() == null ? null : area.level().below();
    }
}
