package org.haolin.resident;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.platform.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@HaolinTest
class ResidentsTests {

    @Autowired
    TestTown testTown;
    @Autowired
    Residents residents;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    @Test
    void buildingLeaderSeesTheirStairwellByRoomWithCurrentTagsAndMaskedIdentifiers() {
        StairwellRoster roster = residents.roster(town.leader1(), town.stairwell1().id());

        assertThat(roster.entries()).extracting(RosterEntry::room).containsExactly("301", "301", "402");
        RosterEntry first = roster.entries().getFirst();
        assertThat(first.tags()).extracting(CurrentTag::code).contains("ELDERLY_80_LIVING_ALONE");
        assertThat(first.idNumberMasked()).startsWith("310120").contains("********")
                .isNotEqualTo(town.idNumbers().getFirst()).endsWith(town.idNumbers().getFirst().substring(14));
        assertThat(first.phoneMasked()).isEqualTo(org.haolin.platform.Masking.phone(town.phones().getFirst()))
                .contains("****");
    }

    @Test
    void aBuildingLeaderOfAnotherBuildingGetsNothing() {
        assertThatThrownBy(() -> residents.roster(town.leader2(), town.stairwell1().id()))
                .isInstanceOf(DomainException.class).hasMessage("area.notFound");
        assertThatThrownBy(() -> residents.detail(town.leader2(), town.residents().getFirst()))
                .isInstanceOf(DomainException.class).hasMessage("resident.notFound");
    }

    @Test
    void searchStaysInsideScope() {
        String last4 = town.idNumbers().get(3).substring(14);
        assertThat(residents.search(town.secretary1(), new ResidentQuery(last4, null, null, 10))).isEmpty();
        assertThat(residents.search(town.townAdmin(), new ResidentQuery(last4, null, null, 10)))
                .extracting(RosterEntry::residentId).containsExactly(town.residents().get(3));
    }

    @Test
    void addingAndEndingATagKeepsHistory() {
        long residentId = town.residents().get(1);
        CurrentTag tag = residents.addTag(town.leader1(), residentId, "RECENTLY_VACCINATED", null, TagSource.MANUAL, null);
        assertThat(residents.roster(town.leader1(), town.stairwell1().id()).entries().get(1).tags())
                .extracting(CurrentTag::code).contains("RECENTLY_VACCINATED");

        residents.endTag(town.leader1(), residentId, tag.assignmentId(), "vaccination was weeks ago");

        ResidentDetail detail = residents.detail(town.leader1(), residentId);
        assertThat(detail.entry().tags()).extracting(CurrentTag::code).doesNotContain("RECENTLY_VACCINATED");
        assertThat(detail.tagHistory()).extracting(CurrentTag::code).contains("RECENTLY_VACCINATED");
    }

    @Test
    void unmaskingNeedsTheRightRoleAndAReason() {
        long residentId = town.residents().getFirst();
        assertThatThrownBy(() -> residents.unmask(town.leader1(), residentId, "checking"))
                .isInstanceOf(DomainException.class).hasMessage("unmask.notAllowed");
        assertThatThrownBy(() -> residents.unmask(town.secretary1(), residentId, " "))
                .isInstanceOf(DomainException.class).hasMessage("unmask.reason.required");
        assertThat(residents.unmask(town.secretary1(), residentId, "hospital needs the ID").idNumber())
                .isEqualTo(town.idNumbers().getFirst());
    }
}
