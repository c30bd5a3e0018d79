package org.haolin.screening;

import java.util.List;

/** A campaign as its page shows it: the campaign, its type, its points and staff, and what the reader may do. */
public record CampaignOverview(Campaign campaign, ScreeningType type, List<CampaignPoint> points,
                               boolean organiser) {
}
