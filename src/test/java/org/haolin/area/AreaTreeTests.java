package org.haolin.area;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.platform.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@HaolinTest
class AreaTreeTests {

    @Autowired
    AreaTree areas;
    @Autowired
    TestTown testTown;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    @Test
    void townAdminsAddAreasOneLevelDownWithAPathUnderTheParent() {
        Area building = areas.create(town.townAdmin(), town.compound1().id(), " 7号楼 ", null);
        assertThat(building.level()).isEqualTo(AreaLevel.BUILDING);
        assertThat(building.name()).isEqualTo("7号楼");
        assertThat(building.path()).startsWith(town.compound1().path()).endsWith(building.id() + ".");
        assertThat(building.townId()).isEqualTo(town.town().id());
    }

    @Test
    void namesAreUniqueUnderOneParentAndNeverEmpty() {
        assertThatThrownBy(() -> areas.create(town.townAdmin(), town.compound1().id(), "5号楼", null))
                .isInstanceOf(DomainException.class).hasMessage("area.name.taken");
        assertThatThrownBy(() -> areas.create(town.townAdmin(), town.compound1().id(), "  ", null))
                .isInstanceOf(DomainException.class).hasMessage("area.name.invalid");
        assertThatThrownBy(() -> areas.create(town.townAdmin(), town.stairwell1().id(), "301", null))
                .isInstanceOf(DomainException.class).hasMessage("area.noLevelBelow");
    }

    @Test
    void onlyTownAdminsInScopeChangeTheTree() {
        assertThatThrownBy(() -> areas.create(town.secretary1(), town.compound1().id(), "8号楼", null))
                .isInstanceOf(DomainException.class).hasMessage("area.notFound");
        assertThatThrownBy(() -> areas.rename(town.leader1(), town.building1().id(), "X"))
                .isInstanceOf(DomainException.class).hasMessage("area.notFound");
    }

    @Test
    void zoneLevelChangesKeepWhoWhenAndWhy() {
        areas.changeZoneLevel(town.epidemicOffice(), town.compound1().id(), ZoneLevel.SEALED, "发现阳性病例");
        areas.changeZoneLevel(town.epidemicOffice(), town.compound1().id(), ZoneLevel.CONTROLLED, "7天无新增");

        assertThat(areas.find(town.compound1().id()).orElseThrow().zoneLevel()).isEqualTo(ZoneLevel.CONTROLLED);
        assertThat(areas.zoneHistory(town.secretary1(), town.compound1().id()))
                .extracting(ZoneLevelChange::from, ZoneLevelChange::to, ZoneLevelChange::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ZoneLevel.SEALED, ZoneLevel.CONTROLLED, "7天无新增"),
                        org.assertj.core.groups.Tuple.tuple(ZoneLevel.NORMAL, ZoneLevel.SEALED, "发现阳性病例"));
    }

    @Test
    void zoneLevelsNeedAReasonTheRightLevelAndTheRightRole() {
        assertThatThrownBy(() -> areas.changeZoneLevel(town.epidemicOffice(), town.compound1().id(), ZoneLevel.SEALED, " "))
                .isInstanceOf(DomainException.class).hasMessage("zone.reason.required");
        assertThatThrownBy(() -> areas.changeZoneLevel(town.epidemicOffice(), town.stairwell1().id(), ZoneLevel.SEALED, "x"))
                .isInstanceOf(DomainException.class).hasMessage("zone.level.notApplicable");
        // a residential area's secretary switches the level of their own compounds only
        assertThatThrownBy(() -> areas.changeZoneLevel(town.secretary1(), town.compound2().id(), ZoneLevel.SEALED, "x"))
                .isInstanceOf(DomainException.class).hasMessage("area.notFound");
        assertThatThrownBy(() -> areas.changeZoneLevel(town.socialWorker1(), town.compound1().id(), ZoneLevel.SEALED, "x"))
                .isInstanceOf(DomainException.class).hasMessage("area.notFound");
        assertThat(areas.changeZoneLevel(town.secretary1(), town.compound1().id(), ZoneLevel.CONTROLLED, "封控楼栋所在小区")
                .to()).isEqualTo(ZoneLevel.CONTROLLED);
    }

    @Test
    void aBuildingLeaderSeesOnlyTheWayDownToTheirBuilding() {
        assertThat(areas.roots(town.leader1())).extracting(Area::id).containsExactly(town.building1().id());
        assertThat(areas.children(town.leader1(), town.town().id())).extracting(Area::id)
                .containsExactly(town.area1().id());
        assertThatThrownBy(() -> areas.visible(town.leader1(), town.compound2().id()))
                .isInstanceOf(DomainException.class);
    }
}
