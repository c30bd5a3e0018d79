package org.haolin.screening;

import org.haolin.area.Area;

import java.util.List;

/**
 * A campaign's progress at one place: its totals and its parts one level down (compounds of a residential area,
 * buildings of a compound, ...), each drillable; the lineage is the way back up (only areas the reader sees).
 */
public record AreaProgress(Campaign campaign, Area area, List<Area> lineage, Progress totals, List<Part> parts) {

    public record Part(Area area, Progress progress) {
    }
}
