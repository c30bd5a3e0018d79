package org.haolin.cockpit;

import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.ZoneLevel;
import org.haolin.keygroup.WaitingRows;
import org.haolin.pairing.AreaPairingCoverage;
import org.haolin.screening.CampaignPanel;
import org.haolin.wish.WishFigures;
import org.haolin.sweep.AreaCoverage;
import org.haolin.sweep.Coverage;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The town overview of one area (or, for a person with several areas, of all of them: area is then null):
 * its figures, the same figures for each area one level down, and the count of each tag in use.
 *
 * @param lineage the areas from the top down to this one, for the breadcrumb
 * @param asOf    when the figures were counted; null while they have not been counted yet
 * @param zoned   compounds and buildings here that are not at the normal zone level, strictest first
 * @param sweeps  this week's sweep coverage of the residential areas here (or of the one this area lies in)
 * @param waiting office-list rows still waiting for a person: per list, and per residential area here
 * @param pairing pairing coverage of the residential areas here (for those who pair residents)
 * @param wishes  wishes in the viewer's scope by state and route, and the median time to fulfilment
 * @param overduePairings pairings in the viewer's areas whose contact is overdue (for those who pair residents)
 * @param screening the latest open or recent screening campaigns touching this area, counted inside it
 * @param duty    short posts, rest-day compliance, volunteers and open supervision findings here
 */
public record Overview(Area area, List<Area> lineage, Figures totals, List<AreaFigures> parts,
                       List<TagFigure> tags, OffsetDateTime asOf, List<Area> zoned, List<AreaCoverage> sweeps,
                       WaitingRows waiting, List<AreaPairingCoverage> pairing, WishFigures wishes,
                       int overduePairings, List<CampaignPanel> screening, DutyPanel duty) {

    public Overview {
        lineage = List.copyOf(lineage);
        parts = List.copyOf(parts);
        tags = List.copyOf(tags);
        zoned = List.copyOf(zoned);
        sweeps = List.copyOf(sweeps);
        pairing = List.copyOf(pairing);
        screening = List.copyOf(screening);
    }

    Overview with(List<AreaCoverage> coverage, WaitingRows waitingRows, List<AreaPairingCoverage> pairingCoverage,
                  WishFigures wishFigures, int overdue, List<CampaignPanel> campaigns, DutyPanel dutyPanel) {
        return new Overview(area, lineage, totals, parts, tags, asOf, zoned, coverage, waitingRows, pairingCoverage,
                wishFigures, overdue, campaigns, dutyPanel);
    }

    /** The share of current pairings whose contact is within its required frequency, in percent (null: none). */
    public Integer withinFrequencyPercent() {
        int paired = pairing.stream().mapToInt(AreaPairingCoverage::paired).sum();
        return paired == 0 ? null : (int) Math.floor(100.0 * Math.max(0, paired - overduePairings) / paired);
    }

    /** The sweep coverage of all the residential areas here together. */
    public Coverage sweepTotal() {
        return sweeps.stream().map(AreaCoverage::coverage)
                .reduce(new Coverage(0, 0), (a, b) -> new Coverage(a.due() + b.due(), a.swept() + b.swept()));
    }

    /** How many compounds and buildings here are at each zone level other than normal, strictest first. */
    public Map<ZoneLevel, Long> zoneCounts() {
        return zoned.stream().collect(Collectors.groupingBy(Area::zoneLevel, () -> new EnumMap<>(ZoneLevel.class),
                Collectors.counting()));
    }

    public boolean atStairwell() {
        return area != null && area.level() == AreaLevel.STAIRWELL;
    }

    /** The level of the rows, when they share one (they do below a single area). */
    public AreaLevel partLevel() {
        return area == null || area.level().below() == null ? null : area.level().below();
    }
}
