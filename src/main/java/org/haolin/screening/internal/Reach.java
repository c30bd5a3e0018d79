package org.haolin.screening.internal;

import org.haolin.access.Grant;
import org.haolin.screening.Campaign;

import java.util.List;

/** A campaign and the person's grants that reach into it (cut to its area, outermost first). */
public record Reach(Campaign campaign, List<Grant> grants) {

    public Reach {
        grants = List.copyOf(grants);
    }

    /** Whether the person reads this place of the campaign. */
    public boolean reads(String path) {
        return grants.stream().anyMatch(g -> g.covers(path));
    }
}
