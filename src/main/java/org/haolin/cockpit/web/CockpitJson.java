package org.haolin.cockpit.web;

import org.haolin.area.Area;
import org.haolin.cockpit.AreaFigures;
import org.haolin.cockpit.DutyPanel;
import org.haolin.cockpit.Figures;
import org.haolin.cockpit.Overview;
import org.haolin.keygroup.WaitingRows;
import org.haolin.pairing.AreaPairingCoverage;
import org.haolin.screening.CampaignPanel;
import org.haolin.wish.WishFigures;
import org.haolin.cockpit.TagFigure;
import org.springframework.context.MessageSource;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The overview as the charts and API clients read it: figures plus every label already in the reader's
 * language, so the chart script holds no text of its own.
 */
public record CockpitJson(Place area, OffsetDateTime asOf, Labels labels, Totals totals, List<Part> parts,
                          List<TagCount> tags, List<Zoned> zoned, List<Sweep> sweeps, WaitingRows waiting,
                          List<AreaPairingCoverage> pairing, Integer withinFrequencyPercent, int overduePairings,
                          WishFigures wishes, List<CampaignPanel> screening, DutyPanel duty) {

    public record Place(long id, String name, String level) {
    }

    public record Labels(String residents, String keyGroup, String hardship, String open) {
    }

    public record Totals(int residents, int keyGroup, int hardship) {
    }

    /** One area one level down; href opens its overview. */
    public record Part(long id, String name, String level, String href, int residents, int keyGroup, int hardship,
                       Map<String, Integer> tags) {
    }

    public record TagCount(String code, String category, String name, int count) {
    }

    /** This week's sweep of a residential area: stairwells swept out of those due (none due without a round). */
    public record Sweep(long areaId, String name, Long roundId, int due, int swept) {
    }

    /** A compound or building not at the normal zone level. */
    public record Zoned(long id, String name, String level, String zoneLevel) {
    }

    static CockpitJson of(Overview overview, MessageSource messages, Locale locale) {
        Area area = overview.area();
        Figures totals = overview.totals();
        return new CockpitJson(
                area == null ? null : new Place(area.id(), area.name(), area.level().name()),
                overview.asOf(),
                new Labels(messages.getMessage("cockpit.residents", null, locale),
                        messages.getMessage("cockpit.keyGroup", null, locale),
                        messages.getMessage("cockpit.hardship", null, locale),
                        messages.getMessage("cockpit.open", null, locale)),
                new Totals(totals.residents(), totals.keyGroup(), totals.hardship()),
                overview.parts().stream().map(CockpitJson::part).toList(),
                overview.tags().stream().map(t -> tagCount(t, locale)).toList(),
                overview.zoned().stream().map(z -> new Zoned(z.id(), z.name(), z.level().name(), z.zoneLevel().name()))
                        .toList(),
                overview.sweeps().stream().map(c -> new Sweep(c.areaId(), c.areaName(), c.roundId(),
                        c.coverage().due(), c.coverage().swept())).toList(),
                overview.waiting(), overview.pairing(), overview.withinFrequencyPercent(), overview.overduePairings(),
                overview.wishes(), overview.screening(), overview.duty());
    }

    static String href(Area area) {
        return "/cockpit?area=" + area.id();
    }

    private static Part part(AreaFigures row) {
        Figures f = row.figures();
        return new Part(row.area().id(), row.area().name(), row.area().level().name(), href(row.area()),
                f.residents(), f.keyGroup(), f.hardship(), f.tags());
    }

    private static TagCount tagCount(TagFigure t, Locale locale) {
        return new TagCount(t.tag().code(), t.tag().category().name(), t.tag().name(locale), t.count());
    }
}
