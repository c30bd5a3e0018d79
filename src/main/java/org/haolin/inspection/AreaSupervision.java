package org.haolin.inspection;

import java.util.List;

/**
 * A residential area on the supervision page: its figures, the supervisors assigned to it, and whether it needs
 * attention: nobody supervises it, or nobody visited it for {@link Supervision#VISIT_EVERY_DAYS} days or more.
 */
public record AreaSupervision(AreaFindings findings, List<String> supervisors, boolean unsupervised,
                              boolean visitDue) {

    public AreaSupervision {
        supervisors = List.copyOf(supervisors);
    }
}
