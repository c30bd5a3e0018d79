package org.haolin.screening;

import java.util.List;

/** A sampling point of a campaign with its staff. */
public record CampaignPoint(long id, long areaId, String areaName, String name, String place, List<Staff> staff) {

    public record Staff(long accountId, String name, Duty duty) {
    }
}
