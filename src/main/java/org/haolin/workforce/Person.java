package org.haolin.workforce;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A person of the workforce as pages show them: the phone only masked, the organisations they belong to, how many
 * trainings they completed, and (for volunteers) when, how and by whom consent was recorded and any withdrawal.
 */
public record Person(long id, long townId, long areaId, String areaPath, String name, String rankCode,
                     List<String> skills, String phoneMasked, Long residentId, Long accountId, boolean partyMember,
                     boolean partyRegistered, boolean volunteer, OffsetDateTime consentAt, ConsentMethod consentMethod,
                     String consentByName, OffsetDateTime withdrawnAt, int maxHoursWeek, boolean active,
                     List<Long> organisationIds, int trainings) {

    public Person {
        skills = List.copyOf(skills);
        organisationIds = List.copyOf(organisationIds);
    }

    public boolean belongsTo(long organisationId) {
        return organisationIds.contains(organisationId);
    }
}
