package org.haolin.sweep;

import org.haolin.HaolinTest;
import org.haolin.MovableClock;
import org.haolin.TestTown;
import org.haolin.platform.DomainException;
import org.haolin.platform.HaolinProperties;
import org.haolin.resident.ResidenceStatus;
import org.haolin.resident.Residents;
import org.haolin.resident.RosterEntry;
import org.haolin.resident.TagSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haolin.sweep.SweepFixture.first;

@HaolinTest
class SweepRoundsTests {

    @Autowired
    TestTown testTown;
    @Autowired
    SweepRounds rounds;
    @Autowired
    SweepTeams teams;
    @Autowired
    SweepSheets sheets;
    @Autowired
    Residents residents;
    @Autowired
    MovableClock clock;
    @Autowired
    HaolinProperties properties;

    SweepFixture f;

    @BeforeEach
    void setUp() {
        f = SweepFixture.create(testTown, rounds, teams);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRoundBelongsToAResidentialAreaAndTheWeekStartingMondayInTheTownsZoneDueByItsEnd() {
        SweepRound round = f.round();
        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());

        assertThat(round.week().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(round.week()).isAfter(today.minusDays(7)).isBeforeOrEqualTo(today);
        assertThat(round.dueAt().toInstant()).isEqualTo(round.week().plusDays(7).atStartOfDay(properties.zone()).toInstant());
        assertThat(round.openedByName()).isEqualTo(f.town().secretary1().displayName());
        assertThat(rounds.overview(f.town().secretary1(), round.id()).coverage()).isEqualTo(new Coverage(1, 0));
    }

    @Test
    void openingTwiceKeepsOneRound() {
        assertThat(rounds.open(f.town().socialWorker1(), f.town().area1().id()).id()).isEqualTo(f.round().id());
    }

    @Test
    void onlyOrganisersOpenRoundsAndOnlyForResidentialAreasInTheirScope() {
        var town = f.town();
        assertThatThrownBy(() -> rounds.open(town.leader1(), town.area1().id())).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> rounds.open(town.secretary1(), town.area2().id())).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> rounds.open(town.secretary1(), town.compound1().id())).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> rounds.overview(town.partyMember1(), f.round().id()))
                .isInstanceOf(DomainException.class).hasMessage("sweep.round.notFound");
        assertThat(rounds.open(town.townAdmin(), town.area2().id()).areaId()).isEqualTo(town.area2().id());
    }

    @Test
    void nextWeekTheJobOpensARoundForEveryAreaSweptThisWeekAndOnlyOnce() {
        clock.advance(Duration.ofDays(7));
        rounds.openCarriedOver();
        rounds.openCarriedOver();

        var thisWeek = byArea(rounds.organisedThisWeek(f.town().townAdmin()));
        AreaCoverage area1 = thisWeek.get(f.town().area1().id());
        assertThat(area1.roundId()).isNotNull().isNotEqualTo(f.round().id());
        assertThat(area1.coverage()).isEqualTo(new Coverage(1, 0));
        assertThat(thisWeek.get(f.town().area2().id()).roundId()).isNull(); // never swept: nothing to carry over
        assertThat(rounds.open(f.town().secretary1(), f.town().area1().id()).id()).isEqualTo(area1.roundId());
    }

    @Test
    void coverageCountsCompletedStairwellsAndTheCockpitSeesItPerArea() {
        sweepAllOfStairwell1();

        assertThat(rounds.overview(f.town().secretary1(), f.round().id()).coverage()).isEqualTo(new Coverage(1, 1));
        var cockpit = byArea(rounds.coverageThisWeek(f.town().epidemicOffice()));
        assertThat(cockpit.get(f.town().area1().id()).coverage().percent()).isEqualTo(100);
        assertThat(cockpit.get(f.town().area2().id()).coverage()).isEqualTo(new Coverage(0, 0));
        assertThat(rounds.coverageThisWeek(f.town().leader1())).isEmpty();
    }

    @Test
    void anUnfinishedStairwellIsOverdueOnceTheRoundIsPastDueAndStaysSoNextWeek() {
        assertThat(rounds.overview(f.town().secretary1(), f.round().id()).overdue()).isEmpty();

        clock.advance(Duration.ofDays(7));
        assertThat(rounds.overview(f.town().secretary1(), f.round().id()).overdue())
                .extracting(OverdueStairwell::stairwellId, OverdueStairwell::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(f.stairwell(), OverdueStairwell.Reason.PAST_DUE));

        SweepRound next = rounds.open(f.town().secretary1(), f.town().area1().id());
        assertThat(rounds.overview(f.town().secretary1(), next.id()).overdue())
                .extracting(OverdueStairwell::roundId, OverdueStairwell::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(f.round().id(),
                        OverdueStairwell.Reason.PREVIOUS_NOT_COMPLETED));
    }

    @Test
    void theOverviewShowsWhatTheRoundChanged() {
        sheets.mark(f.town().leader1(), f.round().id(), first(f.resident(0), Presence.OUT_TO_WORK), null);
        sheets.mark(f.town().leader1(), f.round().id(), first(f.resident(1), Presence.PRESENT), null);
        sheets.mark(f.town().leader1(), f.round().id(), new MarkOrder(f.resident(2), 0, Presence.PRESENT,
                java.util.Set.of()), null); // no longer medical staff
        sheets.addFound(f.town().leader1(), f.round().id(), f.stairwell(),
                new FoundResident("周八", f.newIdNumber(3), null, "501"));

        RoundChanges changes = rounds.overview(f.town().secretary1(), f.round().id()).changes();

        assertThat(changes.statuses()).extracting(RoundChanges.StatusChange::residentId, RoundChanges.StatusChange::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(f.resident(0), ResidenceStatus.AWAY));
        assertThat(changes.found()).extracting(RoundChanges.Found::name).containsExactly("周八");
        assertThat(changes.tagsAdded()).extracting(RoundChanges.TagChange::tagCode).containsExactly("WORKING_OUTSIDE");
        assertThat(changes.tagsEnded()).extracting(RoundChanges.TagChange::residentId, RoundChanges.TagChange::tagCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(f.resident(2), "MEDICAL_STAFF"));
    }

    @Test
    void theStairwellListHighlightsWhatTheLastSweepChangedAndKeyGroupTagsSinceThen() {
        sweepAllOfStairwell1();
        clock.advance(Duration.ofMinutes(1));
        residents.addTag(f.town().leader1(), f.resident(1), "RETURNED_FROM_MEDICAL_VISIT", null, TagSource.MANUAL, null);

        var highlights = residents.roster(f.town().leader1(), f.stairwell()).entries().stream()
                .collect(Collectors.toMap(RosterEntry::residentId, e -> String.valueOf(e.highlight())));

        assertThat(highlights).containsEntry(f.resident(0), "SWEPT_CHANGE")
                .containsEntry(f.resident(1), "NEW_KEY_GROUP")
                .containsEntry(f.resident(2), "null");
    }

    @Test
    void aStairwellNeverSweptHighlightsKeyGroupTagsOfTheLastWeek() {
        residents.addTag(f.town().leader1(), f.resident(2), "RECENTLY_VACCINATED", null, TagSource.MANUAL, null);
        var entries = residents.roster(f.town().leader1(), f.stairwell()).entries();
        assertThat(entries).filteredOn(e -> e.highlight() != null).extracting(RosterEntry::residentId)
                .containsExactly(f.resident(2));
    }

    private void sweepAllOfStairwell1() {
        sheets.mark(f.town().leader1(), f.round().id(), first(f.resident(0), Presence.OUT_TO_WORK), null);
        sheets.mark(f.town().leader1(), f.round().id(), first(f.resident(1), Presence.PRESENT), null);
        sheets.mark(f.town().partyMember1(), f.round().id(), new MarkOrder(f.resident(2), 0, Presence.PRESENT,
                java.util.Set.of(Occupation.MEDICAL_STAFF)), null);
        sheets.complete(f.town().leader1(), f.round().id(), f.stairwell());
    }

    private static Map<Long, AreaCoverage> byArea(java.util.List<AreaCoverage> list) {
        return list.stream().collect(Collectors.toMap(AreaCoverage::areaId, Function.identity()));
    }
}
