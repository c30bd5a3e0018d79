package org.haolin.workforce;

import java.util.List;

/**
 * A person as entered on the form, not yet checked: skills as free text (separated by commas, 、 or spaces), the
 * phone in full (stored encrypted; left blank on an edit it keeps the stored one), links to a resident and an
 * account by id.
 */
public record PersonForm(String name, String rankCode, String skills, String phone, Boolean partyMember,
                         Boolean partyRegistered, Integer maxHoursWeek, Boolean active, List<Long> organisationIds,
                         Long residentId, Long accountId) {

    public PersonForm {
        organisationIds = organisationIds == null ? List.of() : List.copyOf(organisationIds);
    }
}
