package org.haolin.inspection;

import java.time.LocalDate;
import java.util.List;

/** What the visit form offers: the area, the checklist, who may own a task there, the default owner and due day. */
public record VisitForm(long areaId, String areaName, List<InspectionItem> items, List<StaffMember> owners,
                        Long defaultOwnerId, LocalDate defaultDueOn, LocalDate today) {
}
