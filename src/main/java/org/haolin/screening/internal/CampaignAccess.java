package org.haolin.screening.internal;

import org.haolin.access.Grant;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.screening.Campaign;
import org.jooq.Condition;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static haolin.schema.Tables.CAMPAIGN;
import static org.jooq.impl.DSL.inline;

/**
 * Who may see what of a campaign. Organisers hold ORGANISE_SCREENING over the campaign's area. Its progress and
 * lists of a place are read by those holding ORGANISE_SCREENING or READ_RESIDENTS over that place (a building
 * leader sees their building), and by the campaign's own staff (SCREEN over the place). Everybody else is told
 * the campaign does not exist, so its existence is not revealed.
 */
@Component
public class CampaignAccess {

    private final Scopes scopes;
    private final CampaignStore campaigns;
    private final AreaTree areas;

    CampaignAccess(Scopes scopes, CampaignStore campaigns, AreaTree areas) {
        this.scopes = scopes;
        this.campaigns = campaigns;
        this.areas = areas;
    }

    /** The campaign, when the person organises screening over all of its area. */
    public Campaign organised(HaolinUser user, long campaignId) {
        return campaigns.find(campaignId).filter(c -> organises(user, c.areaPath()))
                .orElseThrow(() -> notFound(campaignId));
    }

    public boolean organises(HaolinUser user, String path) {
        return scopes.of(user, Permission.ORGANISE_SCREENING).covers(path);
    }

    /** The campaign and how far into it the person reads, when they read some place inside it. */
    public Reach readable(HaolinUser user, long campaignId) {
        return campaigns.find(campaignId).map(c -> new Reach(c, readableGrants(user, c)))
                .filter(r -> !r.grants().isEmpty())
                .orElseThrow(() -> notFound(campaignId));
    }

    /**
     * The place inside the campaign the person may read: the one asked for, or (none asked) the campaign's area
     * when they read all of it, else their own widest area inside it.
     */
    public Area readablePlace(Reach reach, Long areaId) {
        if (areaId == null) {
            return areas.find(reach.grants().getFirst().areaId()).orElseThrow();
        }
        return areas.find(areaId)
                .filter(a -> a.path().startsWith(reach.campaign().areaPath()) && reach.reads(a.path()))
                .orElseThrow(() -> DomainException.notFound("area.notFound", areaId));
    }

    /** The areas the person may plan a campaign over: where they organise screening, down to compounds. */
    public List<Area> plannable(HaolinUser user) {
        List<Area> plannable = new ArrayList<>();
        for (Grant grant : scopes.of(user, Permission.ORGANISE_SCREENING).grants()) {
            areas.find(grant.areaId()).filter(a -> a.level() != AreaLevel.DISTRICT).ifPresent(root -> {
                plannable.add(root);
                for (AreaLevel level : List.of(AreaLevel.RESIDENTIAL_AREA, AreaLevel.COMPOUND)) {
                    if (level.ordinal() > root.level().ordinal()) {
                        plannable.addAll(areas.descendants(root, level));
                    }
                }
            });
        }
        plannable.sort(Comparator.comparing(Area::path));
        return plannable;
    }

    /** The campaigns someone sees in their list: those over areas where they organise screening or read residents. */
    public Condition listed(HaolinUser user) {
        Condition mine = scopes.of(user, Permission.ORGANISE_SCREENING).on(CAMPAIGN.TOWN_ID, CAMPAIGN.AREA_PATH)
                .or(scopes.of(user, Permission.READ_RESIDENTS).on(CAMPAIGN.TOWN_ID, CAMPAIGN.AREA_PATH));
        // a building leader's building lies inside a campaign over the town: such campaigns are theirs too
        for (Grant g : readersGrants(user)) {
            mine = mine.or(CAMPAIGN.TOWN_ID.eq(g.townId()).and(inline(g.areaPath())
                    .like(CAMPAIGN.AREA_PATH.concat(inline("%")))));
        }
        return mine;
    }

    /** The person's grants that reach into the campaign, cut to the campaign's area, outermost first. */
    private List<Grant> readableGrants(HaolinUser user, Campaign campaign) {
        List<Grant> grants = new ArrayList<>(readersGrants(user));
        if (user.may(Permission.SCREEN) && campaigns.isStaff(campaign.id(), user.accountId())) {
            grants.addAll(scopes.of(user, Permission.SCREEN).grants());
        }
        return grants.stream()
                .filter(g -> g.townId() == campaign.townId())
                .filter(g -> g.covers(campaign.areaPath()) || g.areaPath().startsWith(campaign.areaPath()))
                .map(g -> g.covers(campaign.areaPath())
                        ? new Grant(g.role(), g.townId(), campaign.areaId(), campaign.areaPath()) : g)
                .sorted(Comparator.comparingInt(g -> g.areaPath().length()))
                .toList();
    }

    private List<Grant> readersGrants(HaolinUser user) {
        List<Grant> grants = new ArrayList<>(scopes.of(user, Permission.ORGANISE_SCREENING).grants());
        grants.addAll(scopes.of(user, Permission.READ_RESIDENTS).grants());
        return grants;
    }

    private static DomainException notFound(long campaignId) {
        return DomainException.notFound("screening.campaign.notFound", campaignId);
    }
}
