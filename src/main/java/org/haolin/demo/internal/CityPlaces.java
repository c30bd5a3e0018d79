package org.haolin.demo.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Districts of outer Shanghai with their towns, for city-scale data. Towns are taken district by district in
 * turn, so even a few towns spread over several districts. Town codes follow the district code plus a number.
 */
final class CityPlaces {

    record District(String code, String name, List<String> towns) {
    }

    record TownPlace(District district, String name, String code) {
    }

    static final District FENGXIAN = new District("310120", "奉贤区",
            List.of("海湾镇", "南桥镇", "奉城镇", "庄行镇", "金汇镇", "四团镇", "青村镇", "柘林镇"));
    private static final List<District> DISTRICTS = List.of(FENGXIAN,
            new District("310116", "金山区", List.of("朱泾镇", "枫泾镇", "张堰镇", "亭林镇", "吕巷镇", "廊下镇", "金山卫镇", "漕泾镇", "山阳镇")),
            new District("310117", "松江区", List.of("泗泾镇", "佘山镇", "车墩镇", "新桥镇", "洞泾镇", "九亭镇", "泖港镇", "石湖荡镇", "新浜镇", "叶榭镇", "小昆山镇")),
            new District("310118", "青浦区", List.of("朱家角镇", "练塘镇", "金泽镇", "赵巷镇", "徐泾镇", "华新镇", "重固镇", "白鹤镇")),
            new District("310151", "崇明区", List.of("城桥镇", "堡镇", "新河镇", "庙镇", "竖新镇", "向化镇", "三星镇", "港沿镇", "中兴镇", "陈家镇")));

    private CityPlaces() {
    }

    static int capacity() {
        return DISTRICTS.stream().mapToInt(d -> d.towns().size()).sum();
    }

    /** The first {@code count} towns, one district after another in turn. */
    static List<TownPlace> towns(int count) {
        if (count > capacity()) {
            throw new IllegalArgumentException("at most " + capacity() + " towns; make them larger");
        }
        List<TownPlace> towns = new ArrayList<>();
        for (int round = 0; towns.size() < count; round++) {
            for (District d : DISTRICTS) {
                if (round < d.towns().size() && towns.size() < count) {
                    towns.add(new TownPlace(d, d.towns().get(round), d.code() + (101 + round)));
                }
            }
        }
        return towns;
    }
}
