package org.haolin.demo.internal;

import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.access.Role;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.screening.Campaign;
import org.haolin.screening.Campaigns;
import org.haolin.screening.Duty;
import org.haolin.screening.NewCampaign;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A screening campaign in the demo town: open now over the demo building leader's residential area, with a
 * sampling point at their compound worked by the demo building leader, Party member and volunteer, so the
 * campaign pages and the scan station have something to show on the first start.
 */
@Component
class DemoCampaign {

    private static final Duration OPEN_FOR = Duration.ofHours(10);

    private final Campaigns campaigns;
    private final Accounts accounts;
    private final AreaTree areas;
    private final Clock clock;

    DemoCampaign(Campaigns campaigns, Accounts accounts, AreaTree areas, Clock clock) {
        this.campaigns = campaigns;
        this.accounts = accounts;
        this.areas = areas;
        this.clock = clock;
    }

    Campaign open(List<DemoAccount> demoAccounts) {
        Map<String, DemoAccount> byRole = demoAccounts.stream()
                .collect(Collectors.toMap(DemoAccount::role, Function.identity()));
        HaolinUser admin = accounts.user(byRole.get(Role.TOWN_ADMIN.name()).accountId()).orElseThrow();
        Area building = areas.find(byRole.get(Role.BUILDING_LEADER.name()).scopeAreaIds().getFirst()).orElseThrow();
        Area compound = areas.find(building.parentId()).orElseThrow();
        Area residentialArea = areas.find(compound.parentId()).filter(a -> a.level() == AreaLevel.RESIDENTIAL_AREA)
                .orElseThrow();
        List<NewCampaign.NewStaff> staff = List.of(
                new NewCampaign.NewStaff(byRole.get(Role.BUILDING_LEADER.name()).accountId(), Duty.LEADER),
                new NewCampaign.NewStaff(byRole.get(Role.PARTY_MEMBER.name()).accountId(), Duty.SCANNER),
                new NewCampaign.NewStaff(byRole.get(Role.VOLUNTEER.name()).accountId(), Duty.SCANNER));
        OffsetDateTime start = OffsetDateTime.now(clock).minusHours(1);
        Campaign planned = campaigns.plan(admin, new NewCampaign("NUCLEIC_ACID", "全员核酸筛查（演示）",
                residentialArea.id(), start, start.plus(OPEN_FOR), null,
                List.of(new NewCampaign.NewPoint(compound.name() + "采样点", null, compound.id(), staff))));
        return campaigns.open(admin, planned.id());
    }
}
