package org.haolin.keygroup.internal;

import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.ZoneLevel;
import org.haolin.keygroup.ParsedAddress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Placing parsed addresses in a town's tree, without a database. */
class TownPlacesTests {

    private final List<Area> areas = new ArrayList<>();
    private final Area town = new Area(2, 1L, AreaLevel.TOWN, 2L, null, "海湾镇", "1.2.", ZoneLevel.NORMAL);
    private final Area xinghuo = add(town, AreaLevel.RESIDENTIAL_AREA, "星火居民区");
    private final Area haiyun = add(town, AreaLevel.RESIDENTIAL_AREA, "海韵居民区");
    private final Area yicun = add(xinghuo, AreaLevel.COMPOUND, "星火一村");
    private final Area xinghuoYuan = add(xinghuo, AreaLevel.COMPOUND, "星火苑");
    private final Area xinghuoXincun = add(xinghuo, AreaLevel.COMPOUND, "星火新村");
    private final Area haiyunYuan = add(haiyun, AreaLevel.COMPOUND, "海韵苑");
    private final Area lane = add(haiyun, AreaLevel.COMPOUND, "海湾路88弄");
    private final Area b5 = add(yicun, AreaLevel.BUILDING, "5号楼");
    private final Area b5s1 = add(b5, AreaLevel.STAIRWELL, "1单元");
    private final Area b5s2 = add(b5, AreaLevel.STAIRWELL, "2单元");
    private final Area b12 = add(haiyunYuan, AreaLevel.BUILDING, "12号楼");
    private final Area b12s1 = add(b12, AreaLevel.STAIRWELL, "1单元");
    private final Area laneB5 = add(lane, AreaLevel.BUILDING, "5号");
    private final Area laneB5s1 = add(laneB5, AreaLevel.STAIRWELL, "1单元");
    private final TownPlaces places = new TownPlaces(town, areas);

    @Test
    void theStairwellIsFoundByCompoundBuildingAndStairwell() {
        assertThat(place("海湾镇星火一村5号楼2单元301室").stairwell()).isEqualTo(b5s2);
        assertThat(place("星火一村 5-1-101").stairwell()).isEqualTo(b5s1);
    }

    @Test
    void aCompoundIsFoundWhateverItsKindOfSuffix() {
        assertThat(place("海韵小区12号楼1单元101").stairwell()).isEqualTo(b12s1);
        assertThat(place("星火一村小区5号楼2单元").stairwell()).isEqualTo(b5s2);
    }

    @Test
    void theLongestCompoundNameInsideTheAddressIsTheOneMeant() {
        assertThat(place("星火居委星火一村5号楼2单元").area()).isEqualTo(b5s2);
        assertThat(place("星火苑").area()).isEqualTo(xinghuoYuan);
    }

    @Test
    void aBuildingWithOneStairwellNeedsNoStairwellInTheAddress() {
        assertThat(place("海韵苑12号楼101室").stairwell()).isEqualTo(b12s1);
        // two stairwells and none named: the building is as far as it gets
        assertThat(place("星火一村5号楼301室").area()).isEqualTo(b5);
    }

    @Test
    void aBuildingNotInTheCompoundLeavesTheCompound() {
        assertThat(place("星火一村9号楼1单元101").area()).isEqualTo(yicun);
    }

    @Test
    void aLaneNamesItsCompound() {
        assertThat(place("上海市奉贤区海湾镇海湾路88弄5号101室").stairwell()).isEqualTo(laneB5s1);
    }

    @Test
    void anUnknownOrDoubtfulCompoundPlacesNowhere() {
        assertThat(place("某某花园1号楼")).isNull();
        assertThat(place("")).isNull();
        // 星火 alone could be 星火苑 or 星火新村
        assertThat(places.place(new ParsedAddress("星火", null, "星火", null, null, null, null))).isNull();
    }

    @Test
    void placesAreNamedFromTheCompoundDown() {
        assertThat(places.label(b5s2)).isEqualTo("星火一村 5号楼 2单元");
        assertThat(places.label(xinghuo)).isEqualTo("星火居民区");
    }

    private TownPlaces.Placement place(String address) {
        return places.place(ParsedAddress.parse(address));
    }

    private Area add(Area parent, AreaLevel level, String name) {
        long id = 10 + areas.size();
        Area area = new Area(id, parent.id(), level, 2L, null, name, parent.path() + id + ".", ZoneLevel.NORMAL);
        areas.add(area);
        return area;
    }
}
