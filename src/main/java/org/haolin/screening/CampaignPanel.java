package org.haolin.screening;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One campaign on the town overview, as far as the viewer's scope reaches: progress per residential area with
 * the total, and how many positive tubes there are (positivesHref lists them).
 */
public record CampaignPanel(long id, String name, String state, OffsetDateTime startsAt, OffsetDateTime endsAt,
                            List<ResidentialProgress> areas, ResidentialProgress total, int positiveTubes,
                            String positivesHref) {

    public CampaignPanel {
        areas = List.copyOf(areas);
    }
}
