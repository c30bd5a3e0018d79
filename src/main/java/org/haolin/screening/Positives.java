package org.haolin.screening;

import java.util.List;

/** A campaign's positive tubes and the buildings and compounds they touch, as far as the viewer may see. */
public record Positives(ResultCampaign campaign, List<PositiveTube> tubes, List<AffectedArea> buildings,
                        List<AffectedArea> compounds) {

    public Positives {
        tubes = List.copyOf(tubes);
        buildings = List.copyOf(buildings);
        compounds = List.copyOf(compounds);
    }

    public int people() {
        return tubes.stream().mapToInt(t -> t.people().size()).sum();
    }
}
