package org.haolin.screening;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A screening campaign over an area (the town or an area inside it) on one day. */
public record Campaign(long id, long townId, long areaId, String areaPath, String areaName, String typeCode,
                       String name, OffsetDateTime startsAt, OffsetDateTime endsAt, LocalDate campaignDay,
                       int tubeSize, CampaignState state, int expectedCount, String createdByName) {
}
