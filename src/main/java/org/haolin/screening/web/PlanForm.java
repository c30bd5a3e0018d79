package org.haolin.screening.web;

import org.haolin.access.Accounts;
import org.haolin.platform.DomainException;
import org.haolin.screening.Duty;
import org.haolin.screening.NewCampaign;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The plan form of the campaigns page: the campaign and one sampling point, whose staff are given by username
 * (leader, scanners, samplers; several separated by commas or blanks). Times are read in the town's zone.
 */
record PlanForm(String type, String name, Long area, LocalDateTime startsAt, LocalDateTime endsAt, Integer tubeSize,
                String pointName, String pointPlace, Long pointArea, String leader, String scanners,
                String samplers) {

    NewCampaign toPlan(Accounts accounts, ZoneId zone) {
        List<NewCampaign.NewPoint> points = new ArrayList<>();
        if (pointName != null && !pointName.isBlank()) {
            List<NewCampaign.NewStaff> staff = new ArrayList<>();
            add(staff, leader, Duty.LEADER, accounts);
            add(staff, scanners, Duty.SCANNER, accounts);
            add(staff, samplers, Duty.SAMPLER, accounts);
            points.add(new NewCampaign.NewPoint(pointName, pointPlace, pointArea, staff));
        }
        return new NewCampaign(type, name, area, startsAt == null ? null : startsAt.atZone(zone).toOffsetDateTime(),
                endsAt == null ? null : endsAt.atZone(zone).toOffsetDateTime(), tubeSize, points);
    }

    private static void add(List<NewCampaign.NewStaff> staff, String usernames, Duty duty, Accounts accounts) {
        if (usernames == null) {
            return;
        }
        Arrays.stream(usernames.split("[,，\\s]+")).filter(u -> !u.isBlank()).forEach(u -> staff.add(
                new NewCampaign.NewStaff(accounts.idOf(u).orElseThrow(() -> DomainException.invalid(
                        "screening.campaign.staff.unknown", u)), duty)));
    }
}
