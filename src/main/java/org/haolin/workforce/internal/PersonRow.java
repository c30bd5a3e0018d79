package org.haolin.workforce.internal;

import haolin.schema.tables.records.WorkforcePersonRecord;

import java.util.List;

/**
 * The checked values of a person to write. A null phone keeps the stored one; volunteer and consent are not here:
 * only recruitment (with consent) and withdrawal change them.
 */
public record PersonRow(String name, String rankCode, List<String> skills, byte[] phoneEnc, String phoneMasked,
                        Long residentId, Long accountId, boolean partyMember, boolean partyRegistered, int maxHoursWeek,
                        boolean active) {

    void applyTo(WorkforcePersonRecord r) {
        r.setName(name);
        r.setRankCode(rankCode);
        r.setSkills(skills.toArray(String[]::new));
        if (phoneEnc != null) {
            r.setPhoneEnc(phoneEnc);
            r.setPhoneMasked(phoneMasked);
        }
        r.setResidentId(residentId);
        r.setAccountId(accountId);
        r.setPartyMember(partyMember);
        r.setPartyRegistered(partyRegistered);
        r.setMaxHoursWeek(maxHoursWeek);
        r.setActive(active);
    }
}
