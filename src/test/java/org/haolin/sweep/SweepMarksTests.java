package org.haolin.sweep;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.platform.DomainException;
import org.haolin.resident.ResidenceStatus;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;

import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.RESIDENT_TAG;
import static haolin.schema.Tables.TAG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haolin.sweep.SweepFixture.first;

@HaolinTest
class SweepMarksTests {

    @Autowired
    TestTown testTown;
    @Autowired
    SweepRounds rounds;
    @Autowired
    SweepTeams teams;
    @Autowired
    SweepSheets sheets;
    @Autowired
    DSLContext db;

    SweepFixture f;

    @BeforeEach
    void setUp() {
        f = SweepFixture.create(testTown, rounds, teams);
    }

    @Test
    void theSheetListsTheStairwellRoomByRoomForATeamMemberWithoutReadResidents() {
        StairwellSheet sheet = sheets.sheet(f.town().partyMember1(), f.round().id(), f.stairwell());

        assertThat(sheet.lines()).extracting(l -> l.resident().room()).containsExactly("301", "301", "402");
        assertThat(sheet.lines()).allMatch(l -> !l.marked() && l.version() == 0);
        assertThat(sheet.lines().get(2).occupations()).containsExactly(Occupation.MEDICAL_STAFF);
        assertThat(sheet.unmarked()).isEqualTo(3);
        assertThat(sheet.team()).extracting(TeamMember::role)
                .containsExactlyInAnyOrder(TeamRole.BUILDING_LEADER, TeamRole.PARTY_GROUP_LEADER);
    }

    @Test
    void outToWorkSetsAwayAndTagsWorkingOutsideWithSourceSweepThenPresentEndsIt() {
        long resident = f.resident(0);
        Mark mark = sheets.mark(f.town().partyMember1(), f.round().id(), first(resident, Presence.OUT_TO_WORK), null);

        assertThat(mark.version()).isEqualTo(1);
        assertThat(mark.markedByName()).isEqualTo(f.town().partyMember1().displayName());
        assertThat(status(resident)).isEqualTo(ResidenceStatus.AWAY);
        assertThat(currentTags(resident)).contains("WORKING_OUTSIDE");
        assertThat(sweepTagSources(resident)).containsExactly("SWEEP " + f.round().ref());

        sheets.mark(f.town().leader1(), f.round().id(), new MarkOrder(resident, 1, Presence.PRESENT, Set.of()), null);

        assertThat(status(resident)).isEqualTo(ResidenceStatus.LIVING_HERE);
        assertThat(currentTags(resident)).doesNotContain("WORKING_OUTSIDE");
        assertThat(endedBy(resident, "WORKING_OUTSIDE")).isEqualTo(f.round().ref());
    }

    @Test
    void leftTheCityAndMovedOutSetTheirStatuses() {
        sheets.mark(f.town().leader1(), f.round().id(), first(f.resident(0), Presence.LEFT_THE_CITY), null);
        sheets.mark(f.town().leader1(), f.round().id(), first(f.resident(1), Presence.MOVED_OUT), null);

        assertThat(status(f.resident(0))).isEqualTo(ResidenceStatus.LEFT);
        assertThat(currentTags(f.resident(0))).contains("LEFT_THE_CITY");
        assertThat(status(f.resident(1))).isEqualTo(ResidenceStatus.MOVED_OUT);
    }

    @Test
    void occupationTogglesPutOnAndEndTheirTags() {
        long nurse = f.resident(2);
        sheets.mark(f.town().leader1(), f.round().id(),
                new MarkOrder(nurse, 0, Presence.PRESENT, Set.of(Occupation.POLICE)), null);

        assertThat(currentTags(nurse)).contains("POLICE").doesNotContain("MEDICAL_STAFF");
    }

    @Test
    void aTapChangesOneThingOfTheMarkAsItsAuthorSawIt() {
        long nurse = f.resident(2);
        Mark present = sheets.tap(f.town().leader1(), f.round().id(), f.stairwell(), nurse, 0, Presence.PRESENT, null);
        assertThat(present.occupations()).containsExactly(Occupation.MEDICAL_STAFF);

        Mark volunteer = sheets.tap(f.town().leader1(), f.round().id(), f.stairwell(), nurse, 1, null, Occupation.VOLUNTEER);
        assertThat(volunteer.presence()).isEqualTo(Presence.PRESENT);
        assertThat(volunteer.occupations()).containsExactlyInAnyOrder(Occupation.MEDICAL_STAFF, Occupation.VOLUNTEER);
        assertThat(currentTags(nurse)).contains("MEDICAL_STAFF", "VOLUNTEER");
    }

    @Test
    void aSaveOverSomeoneElsesNewerMarkIsRefusedShowingTheirMarkAndChangesNothing() {
        long resident = f.resident(0);
        sheets.mark(f.town().leader1(), f.round().id(), first(resident, Presence.PRESENT), null);

        assertThatThrownBy(() -> sheets.mark(f.town().partyMember1(), f.round().id(),
                first(resident, Presence.LEFT_THE_CITY), null))
                .isInstanceOfSatisfying(MarkConflict.class, c -> {
                    assertThat(c.theirs().presence()).isEqualTo(Presence.PRESENT);
                    assertThat(c.theirs().markedByName()).isEqualTo(f.town().leader1().displayName());
                });
        assertThat(status(resident)).isEqualTo(ResidenceStatus.LIVING_HERE);
        assertThat(currentTags(resident)).doesNotContain("LEFT_THE_CITY");
    }

    @Test
    void aDoubleTapIsNotAConflict() {
        long resident = f.resident(0);
        sheets.tap(f.town().leader1(), f.round().id(), f.stairwell(), resident, 0, Presence.PRESENT, null);
        Mark again = sheets.tap(f.town().leader1(), f.round().id(), f.stairwell(), resident, 0, Presence.PRESENT, null);
        assertThat(again.version()).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstSave() {
        long resident = f.resident(1);
        Mark once = sheets.mark(f.town().leader1(), f.round().id(), first(resident, Presence.OUT_TO_WORK), "key-" + f.town().n());
        Mark twice = sheets.mark(f.town().leader1(), f.round().id(), first(resident, Presence.OUT_TO_WORK), "key-" + f.town().n());
        assertThat(twice.version()).isEqualTo(once.version()).isEqualTo(1);
    }

    @Test
    void completingNeedsEveryResidentMarked() {
        sheets.mark(f.town().leader1(), f.round().id(), first(f.resident(0), Presence.PRESENT), null);
        assertThatThrownBy(() -> sheets.complete(f.town().leader1(), f.round().id(), f.stairwell()))
                .isInstanceOf(DomainException.class).hasMessage("sweep.complete.unmarked");

        sheets.mark(f.town().leader1(), f.round().id(), first(f.resident(1), Presence.MOVED_OUT), null);
        sheets.mark(f.town().partyMember1(), f.round().id(), first(f.resident(2), Presence.PRESENT), null);
        sheets.complete(f.town().partyMember1(), f.round().id(), f.stairwell());

        StairwellSheet sheet = sheets.sheet(f.town().leader1(), f.round().id(), f.stairwell());
        assertThat(sheet.completed()).isTrue();
        assertThat(sheet.completedByName()).isEqualTo(f.town().partyMember1().displayName());
    }

    @Test
    void aFoundResidentIsCheckedLikeTheImportThenRegisteredAndMarkedFound() {
        var refused = sheets.addFound(f.town().leader1(), f.round().id(), f.stairwell(),
                new FoundResident("赵六", "31012019850101", "12345", "502"));
        assertThat(refused.residentId()).isNull();
        assertThat(refused.problems()).extracting(p -> p.field().name()).contains("ID_NUMBER", "PHONE");

        var found = sheets.addFound(f.town().partyMember1(), f.round().id(), f.stairwell(),
                new FoundResident("赵六" , f.newIdNumber(1), "13912345678", "502室"));
        assertThat(found.problems()).isEmpty();
        StairwellSheet sheet = sheets.sheet(f.town().leader1(), f.round().id(), f.stairwell());
        SheetLine line = sheet.lines().getLast();
        assertThat(line.resident().room()).isEqualTo("502");
        assertThat(line.mark().foundNew()).isTrue();
        assertThat(line.presence()).isEqualTo(Presence.PRESENT);

        assertThatThrownBy(() -> sheets.addFound(f.town().leader1(), f.round().id(), f.stairwell(),
                new FoundResident("赵六", f.newIdNumber(1), null, "502")))
                .isInstanceOf(DomainException.class).hasMessage("sweep.found.alreadyHere");
    }

    @Test
    void peopleOutsideTheTeamOrTheStairwellGetNothing() {
        var town = f.town();
        long round = f.round().id();
        for (var outsider : List.of(town.leader2(), town.claimer(), town.systemAdmin(), testTown.create().townAdmin())) {
            assertThatThrownBy(() -> sheets.sheet(outsider, round, f.stairwell()))
                    .isInstanceOf(DomainException.class).hasMessage("sweep.stairwell.notFound");
            assertThatThrownBy(() -> sheets.mark(outsider, round, first(f.resident(0), Presence.PRESENT), null))
                    .isInstanceOf(DomainException.class);
        }
        teams.assign(town.secretary1(), f.stairwell(), TeamRole.PARTY_GROUP_LEADER, null);
        assertThatThrownBy(() -> sheets.sheet(town.partyMember1(), round, f.stairwell()))
                .isInstanceOf(DomainException.class).hasMessage("sweep.stairwell.notFound");
        assertThat(sheets.sheet(town.secretary1(), round, f.stairwell()).lines()).hasSize(3); // organisers sweep too
    }

    @Test
    void onlyPeopleWhoMaySweepTheStairwellCanJoinItsTeam() {
        var town = f.town();
        assertThat(teams.team(town.secretary1(), f.stairwell()).candidates()).extracting(SweepTeams.Candidate::accountId)
                .contains(town.leader1().accountId(), town.partyMember1().accountId(), town.socialWorker1().accountId())
                .doesNotContain(town.leader2().accountId(), town.townAdmin().accountId());
        assertThatThrownBy(() -> teams.assign(town.secretary1(), f.stairwell(), TeamRole.VOLUNTEER_LEADER,
                town.leader2().accountId())).isInstanceOf(DomainException.class).hasMessage("sweep.team.notEligible");
        assertThatThrownBy(() -> teams.team(town.leader1(), f.stairwell()))
                .isInstanceOf(DomainException.class).hasMessage("area.notFound");
    }

    private ResidenceStatus status(long resident) {
        return ResidenceStatus.valueOf(db.select(RESIDENT.RESIDENCE_STATUS).from(RESIDENT)
                .where(RESIDENT.ID.eq(resident)).fetchOne().value1());
    }

    private List<String> currentTags(long resident) {
        return db.select(TAG.CODE).from(RESIDENT_TAG).join(TAG).on(TAG.ID.eq(RESIDENT_TAG.TAG_ID))
                .where(RESIDENT_TAG.RESIDENT_ID.eq(resident), RESIDENT_TAG.VALID_TO.isNull())
                .fetch(TAG.CODE);
    }

    private List<String> sweepTagSources(long resident) {
        return db.select(RESIDENT_TAG.SOURCE, RESIDENT_TAG.SOURCE_REF).from(RESIDENT_TAG)
                .where(RESIDENT_TAG.RESIDENT_ID.eq(resident), RESIDENT_TAG.SOURCE.eq("SWEEP"))
                .fetch(r -> r.value1() + " " + r.value2());
    }

    private String endedBy(long resident, String code) {
        return db.select(RESIDENT_TAG.END_REASON).from(RESIDENT_TAG).join(TAG).on(TAG.ID.eq(RESIDENT_TAG.TAG_ID))
                .where(RESIDENT_TAG.RESIDENT_ID.eq(resident), TAG.CODE.eq(code)).fetchOne().value1();
    }
}
