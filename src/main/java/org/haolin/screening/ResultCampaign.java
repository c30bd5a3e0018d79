package org.haolin.screening;

/** The campaign as the results pages show it. */
public record ResultCampaign(long id, long townId, long areaId, String areaPath, String name, String state,
                             java.time.LocalDate campaignDay) {
}
