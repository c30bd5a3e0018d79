package org.haolin.cockpit;

import org.haolin.inspection.AreaFindings;
import org.haolin.plan.ShortPost;
import org.haolin.rota.RestDayCompliance;
import org.haolin.rota.VolunteersOnDuty;
import org.haolin.workforce.VolunteerFigures;

import java.util.List;

/**
 * The people side of the overview, each part within the viewer's scope and the viewed area: duty posts short of
 * people at their compound's zone level, rest-day compliance of the rotas in force today, volunteers on duty today
 * (all the viewer's areas), the volunteer pool per residential area, and supervision findings still open.
 */
public record DutyPanel(List<ShortPost> shortPosts, List<RestDayCompliance> restDays, VolunteersOnDuty onDuty,
                        List<VolunteerFigures> volunteers, List<AreaFindings> findings) {

    public static final DutyPanel NONE = new DutyPanel(List.of(), List.of(), new VolunteersOnDuty(0, 0), List.of(),
            List.of());

    public DutyPanel {
        shortPosts = List.copyOf(shortPosts);
        restDays = List.copyOf(restDays);
        volunteers = List.copyOf(volunteers);
        findings = List.copyOf(findings);
    }

    public boolean isEmpty() {
        return shortPosts.isEmpty() && restDays.isEmpty() && onDuty.onDuty() == 0 && volunteers.isEmpty()
                && findings.isEmpty();
    }

    public int openFindings() {
        return findings.stream().mapToInt(AreaFindings::open).sum();
    }
}
