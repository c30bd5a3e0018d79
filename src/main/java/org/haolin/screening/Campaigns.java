package org.haolin.screening;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.resident.PersonalCodes;
import org.haolin.screening.internal.BuildingListReader;
import org.haolin.screening.internal.CampaignAccess;
import org.haolin.screening.internal.CampaignPlanner;
import org.haolin.screening.internal.CampaignStore;
import org.haolin.screening.internal.ExpectedPopulation;
import org.haolin.screening.internal.ProgressReader;
import org.haolin.screening.internal.Reach;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Screening campaigns: planning one (type, area, window, points and staff), who is expected, opening and closing
 * it, its live progress per place (from the rollup the scans keep) and a building's not-yet-sampled and
 * door-to-door lists.
 */
@Service
public class Campaigns {

    private final CampaignPlanner planner;
    private final CampaignStore store;
    private final CampaignAccess access;
    private final ExpectedPopulation expected;
    private final ProgressReader progress;
    private final BuildingListReader lists;
    private final PersonalCodes codes;
    private final AreaTree areas;
    private final AuditTrail audit;
    private final Clock clock;

    Campaigns(CampaignPlanner planner, CampaignStore store, CampaignAccess access, ExpectedPopulation expected,
              ProgressReader progress, BuildingListReader lists, PersonalCodes codes, AreaTree areas,
              AuditTrail audit, Clock clock) {
        this.planner = planner;
        this.store = store;
        this.access = access;
        this.expected = expected;
        this.progress = progress;
        this.lists = lists;
        this.codes = codes;
        this.areas = areas;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ScreeningType> types() {
        return store.activeTypes();
    }

    /**
     * Plans a campaign, counts who is expected, and gives the town's residents without a personal code one (so
     * cards can be printed before the day). Answers the campaign.
     */
    @Transactional
    public Campaign plan(HaolinUser user, NewCampaign plan) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Campaign campaign = store.find(planner.plan(user, plan, now)).orElseThrow();
        int count = expected.countAfresh(campaign, now);
        codes.issueMissing(campaign.townId(), user.displayName());
        record(user, campaign, "planned: " + count + " expected");
        return store.find(campaign.id()).orElseThrow();
    }

    /** Counts again who is expected (tags and residents change until the day); only while planned. */
    @Transactional
    public Campaign recount(HaolinUser user, long campaignId) {
        Campaign campaign = access.organised(user, campaignId);
        if (campaign.state() != CampaignState.PLANNED) {
            throw DomainException.conflict("screening.campaign.recount.notPlanned", campaign.name());
        }
        int count = expected.countAfresh(campaign, OffsetDateTime.now(clock));
        record(user, campaign, "recounted: " + count + " expected");
        return store.find(campaignId).orElseThrow();
    }

    @Transactional
    public Campaign open(HaolinUser user, long campaignId) {
        return move(user, campaignId, CampaignState.PLANNED, CampaignState.OPEN, "screening.campaign.open.notPlanned");
    }

    @Transactional
    public Campaign close(HaolinUser user, long campaignId) {
        return move(user, campaignId, CampaignState.OPEN, CampaignState.CLOSED, "screening.campaign.close.notOpen");
    }

    /** The areas the person may plan a campaign over (for the plan form). */
    @Transactional(readOnly = true)
    public List<Area> plannableAreas(HaolinUser user) {
        return access.plannable(user);
    }

    /** The campaigns over places the person organises screening in or reads residents of, newest first. */
    @Transactional(readOnly = true)
    public List<Campaign> list(HaolinUser user) {
        return store.fetch(access.listed(user));
    }

    @Transactional(readOnly = true)
    public CampaignOverview overview(HaolinUser user, long campaignId) {
        Campaign campaign = access.readable(user, campaignId).campaign();
        ScreeningType type = store.type(campaign.typeCode()).orElseThrow();
        return new CampaignOverview(campaign, type, store.points(campaignId),
                access.organises(user, campaign.areaPath()));
    }

    /**
     * Progress at a place of the campaign (null: the widest the person reads) with its parts one level down.
     * Counts only, no names; read from the rollup alone.
     */
    @Transactional(readOnly = true)
    public AreaProgress progress(HaolinUser user, long campaignId, Long areaId) {
        Reach reach = access.readable(user, campaignId);
        Campaign campaign = reach.campaign();
        Area place = access.readablePlace(reach, areaId);
        List<Area> lineage = areas.lineage(place).stream()
                .filter(a -> a.path().startsWith(campaign.areaPath()) && reach.reads(a.path()))
                .toList();
        if (place.level() == AreaLevel.STAIRWELL) {
            return new AreaProgress(campaign, place, lineage, progress.stairwell(campaign, place), List.of());
        }
        Map<Long, Progress> byChild = progress.byChild(campaign, place);
        Map<Long, Area> children = areas.findAll(byChild.keySet());
        List<AreaProgress.Part> parts = byChild.entrySet().stream()
                .filter(e -> children.containsKey(e.getKey()))
                .map(e -> new AreaProgress.Part(children.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing((AreaProgress.Part p) -> p.area().name()))
                .toList();
        Progress totals = parts.stream().map(AreaProgress.Part::progress).reduce(Progress.NONE, Progress::plus);
        return new AreaProgress(campaign, place, lineage, totals, parts);
    }

    /** A building's not-yet-sampled and door-to-door lists (masked names); reading them is audited. */
    @Transactional
    public BuildingLists buildingLists(HaolinUser user, long campaignId, long buildingId, Locale locale) {
        Reach reach = access.readable(user, campaignId);
        Campaign campaign = reach.campaign();
        Area building = building(reach, buildingId);
        BuildingLists answer = new BuildingLists(campaign, building, lists.notSampled(campaign, building),
                lists.doorToDoor(campaign, building, OffsetDateTime.now(clock), locale));
        listed(user, campaign, building, answer.notSampled().size() + " not sampled, "
                + answer.doorToDoor().size() + " door to door");
        return answer;
    }

    /** Who in the building has not been sampled yet (the 敲门 list); audited. */
    @Transactional
    public List<WaitingResident> notSampled(HaolinUser user, long campaignId, long buildingId) {
        Reach reach = access.readable(user, campaignId);
        Campaign campaign = reach.campaign();
        Area building = building(reach, buildingId);
        List<WaitingResident> waiting = lists.notSampled(campaign, building);
        listed(user, campaign, building, waiting.size() + " not sampled");
        return waiting;
    }

    /** The building's door-to-door residents, sampled or not; audited. */
    @Transactional
    public List<DoorToDoorResident> doorToDoor(HaolinUser user, long campaignId, long buildingId, Locale locale) {
        Reach reach = access.readable(user, campaignId);
        Campaign campaign = reach.campaign();
        Area building = building(reach, buildingId);
        List<DoorToDoorResident> residents = lists.doorToDoor(campaign, building, OffsetDateTime.now(clock), locale);
        listed(user, campaign, building, residents.size() + " door to door");
        return residents;
    }

    private Area building(Reach reach, long buildingId) {
        Area building = access.readablePlace(reach, buildingId);
        if (building.level() != AreaLevel.BUILDING) {
            throw DomainException.notFound("area.notFound", buildingId);
        }
        return building;
    }

    private void listed(HaolinUser user, Campaign campaign, Area building, String detail) {
        audit.record(user, AuditAction.LIST, AuditedObject.of("CAMPAIGN_BUILDING", building.id(), campaign.townId(),
                building.path()), "campaign " + campaign.id() + ": " + detail);
    }

    private Campaign move(HaolinUser user, long campaignId, CampaignState from, CampaignState to, String refusal) {
        Campaign campaign = access.organised(user, campaignId);
        if (!store.move(campaignId, from, to)) {
            throw DomainException.conflict(refusal, campaign.name());
        }
        record(user, campaign, from + " -> " + to);
        return store.find(campaignId).orElseThrow();
    }

    private void record(HaolinUser user, Campaign campaign, String detail) {
        audit.record(user, AuditAction.CAMPAIGN, AuditedObject.of("CAMPAIGN", campaign.id(), campaign.townId(),
                campaign.areaPath()), detail);
    }
}
