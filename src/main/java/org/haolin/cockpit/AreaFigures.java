package org.haolin.cockpit;

import org.haolin.area.Area;

/** One row of the overview: an area one level down and its figures. */
public record AreaFigures(Area area, Figures figures) {
}
