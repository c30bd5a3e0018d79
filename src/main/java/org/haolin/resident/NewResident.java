package org.haolin.resident;

import java.time.LocalDate;
import java.util.List;

/**
 * A resident to register (or, matched by ID number within the town, to update). Values are already
 * cleaned and validated (see {@link ResidentRules}); sex and birth date of a mainland ID come from the number.
 */
public record NewResident(long stairwellId, String room, String name, String sex, LocalDate birthDate, IdType idType,
                          String idNumber, String phone, ResidenceStatus status, String notes, List<String> tagCodes) {

    public NewResident {
        tagCodes = tagCodes == null ? List.of() : List.copyOf(tagCodes);
        status = status == null ? ResidenceStatus.LIVING_HERE : status;
    }
}
