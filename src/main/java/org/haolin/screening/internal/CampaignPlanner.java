package org.haolin.screening.internal;

import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.platform.HaolinProperties;
import org.haolin.resident.InputText;
import org.haolin.screening.NewCampaign;
import org.haolin.screening.ScreeningType;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks a campaign plan field by field and writes it: every refusal names the field (and the point or person)
 * that is wrong, so the organiser knows what to fix.
 */
@Component
public class CampaignPlanner {

    static final Duration LONGEST = Duration.ofDays(7);

    private final CampaignStore campaigns;
    private final AreaTree areas;
    private final Scopes scopes;
    private final Accounts accounts;
    private final HaolinProperties properties;
    private final ScanPartitions partitions;

    CampaignPlanner(CampaignStore campaigns, AreaTree areas, Scopes scopes, Accounts accounts,
                    HaolinProperties properties, ScanPartitions partitions) {
        this.campaigns = campaigns;
        this.partitions = partitions;
        this.areas = areas;
        this.scopes = scopes;
        this.accounts = accounts;
        this.properties = properties;
    }

    /** Validates and writes the campaign with its points and staff; answers its id. */
    public long plan(HaolinUser user, NewCampaign plan, OffsetDateTime now) {
        ScreeningType type = campaigns.activeTypes().stream().filter(t -> t.code().equals(plan.typeCode()))
                .findFirst().orElseThrow(() -> DomainException.invalid("screening.campaign.type.invalid"));
        String name = InputText.clean(plan.name());
        if (name.isEmpty() || name.length() > 80) {
            throw DomainException.invalid("screening.campaign.name.invalid");
        }
        Area area = campaignArea(user, plan.areaId());
        checkWindow(plan.startsAt(), plan.endsAt());
        int tubeSize = plan.tubeSize() == null ? type.tubeSize() : plan.tubeSize();
        if (tubeSize < 1 || tubeSize > 20) {
            throw DomainException.invalid("screening.campaign.tubeSize.invalid");
        }
        LocalDate day = plan.startsAt().atZoneSameInstant(properties.zone()).toLocalDate();
        partitions.prepare(day);
        long id = campaigns.insert(area, type.code(), name, plan.startsAt(), plan.endsAt(), day, tubeSize,
                user.accountId(), user.displayName(), now);
        Set<String> pointNames = new HashSet<>();
        for (NewCampaign.NewPoint point : plan.points()) {
            addPoint(id, area, point, pointNames);
        }
        return id;
    }

    /** The town or an area inside it, over all of which the person organises screening. */
    private Area campaignArea(HaolinUser user, Long areaId) {
        Area area = areaId == null ? null : areas.find(areaId).orElse(null);
        if (area == null || area.level() == AreaLevel.DISTRICT) {
            throw DomainException.invalid("screening.campaign.area.invalid");
        }
        if (!scopes.of(user, Permission.ORGANISE_SCREENING).covers(area.path())) {
            throw DomainException.forbidden("screening.campaign.area.forbidden", area.name());
        }
        return area;
    }

    private static void checkWindow(OffsetDateTime startsAt, OffsetDateTime endsAt) {
        if (startsAt == null) {
            throw DomainException.invalid("screening.campaign.startsAt.missing");
        }
        if (endsAt == null || !endsAt.isAfter(startsAt)) {
            throw DomainException.invalid("screening.campaign.endsAt.beforeStart");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            throw DomainException.invalid("screening.campaign.endsAt.tooLate");
        }
    }

    /** Holds SCREEN over the point's area, or somewhere inside it (a building leader at the compound's point). */
    private boolean screensIn(HaolinUser person, Area area) {
        return scopes.of(person, Permission.SCREEN).grants().stream()
                .anyMatch(g -> g.covers(area.path()) || g.areaPath().startsWith(area.path()));
    }

    private void addPoint(long campaignId, Area campaignArea, NewCampaign.NewPoint point, Set<String> names) {
        String name = InputText.clean(point.name());
        if (name.isEmpty() || name.length() > 80) {
            throw DomainException.invalid("screening.campaign.point.name.invalid");
        }
        if (!names.add(name)) {
            throw DomainException.invalid("screening.campaign.point.name.duplicate", name);
        }
        String place = InputText.clean(point.place());
        if (place.length() > 200) {
            throw DomainException.invalid("screening.campaign.point.place.invalid", name);
        }
        Area area = point.areaId() == null ? null : areas.find(point.areaId())
                .filter(a -> a.path().startsWith(campaignArea.path())).orElse(null);
        if (area == null) {
            throw DomainException.invalid("screening.campaign.point.area.outside", name);
        }
        long pointId = campaigns.insertPoint(campaignId, area, name, place.isEmpty() ? null : place);
        Set<Long> staffed = new HashSet<>();
        for (NewCampaign.NewStaff staff : point.staff()) {
            HaolinUser person = staff.accountId() == null ? null : accounts.user(staff.accountId())
                    .filter(p -> screensIn(p, area)).orElse(null);
            if (person == null || staff.duty() == null) {
                throw DomainException.invalid("screening.campaign.staff.invalid", name);
            }
            if (staffed.add(person.accountId())) {
                campaigns.insertStaff(pointId, area, person.accountId(), person.displayName(), staff.duty());
            }
        }
    }
}
