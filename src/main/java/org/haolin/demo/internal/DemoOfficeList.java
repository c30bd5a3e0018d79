package org.haolin.demo.internal;

import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.access.Role;
import org.haolin.area.AreaLevel;
import org.haolin.keygroup.KeyGroupList;
import org.haolin.keygroup.KeyGroupLists;
import org.haolin.keygroup.NewKeyGroupList;
import org.haolin.keygroup.NewKeyGroupRow;
import org.haolin.resident.IdType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One list from the town epidemic office in the demo town, pushed as the demo office account: people matched by
 * ID number (two of them in the demo building leader's building, so the leader finds notifications and
 * highlighted residents), some by name and an address written the ways offices write them, and two the
 * registry does not know, so the list also shows rows waiting for a person.
 */
@Component
class DemoOfficeList {

    static final String REFERENCE = "demo-office-list-1";
    private static final String CATEGORY = "OUT_OF_CENTRAL_QUARANTINE";
    private static final List<UnaryOperator<String>> WRITINGS = List.of(
            a -> a.replace("号楼", "幢"),
            a -> a.replace("号楼", "栋").replace("单元", "门"),
            a -> a.chars().mapToObj(c -> c >= '0' && c <= '9' ? String.valueOf((char) (c - '0' + '０'))
                    : String.valueOf((char) c)).reduce("", String::concat));

    private final KeyGroupLists lists;
    private final Accounts accounts;

    DemoOfficeList(KeyGroupLists lists, Accounts accounts) {
        this.lists = lists;
        this.accounts = accounts;
    }

    /** The list as the office sees it after the push. */
    KeyGroupList push(LoadedTown town, List<DemoAccount> demoAccounts) {
        DemoAccount officeAccount = demoAccounts.stream().filter(a -> a.role().equals(Role.EPIDEMIC_OFFICE.name()))
                .findFirst().orElseThrow();
        HaolinUser office = accounts.user(officeAccount.accountId()).orElseThrow();
        String leaderBuilding = buildingOfLeader(town, demoAccounts);
        GeneratedTown g = town.generated();
        List<NewKeyGroupRow> rows = new ArrayList<>();
        int inLeadersBuilding = 0;
        int elsewhere = 0;
        for (Person p : g.residents()) {
            Room room = g.households().get(p.household);
            boolean leaders = town.areaPaths()[room.stairwell()].startsWith(leaderBuilding);
            if (!p.livingHere() || p.idType != IdType.MAINLAND_ID) {
                continue;
            }
            if (leaders && inLeadersBuilding < 2) {
                rows.add(new NewKeyGroupRow(p.name, p.idNumber, "", address(town, room), "", "", ""));
                inLeadersBuilding++;
            } else if (!leaders && p.household % 997 == 0 && elsewhere < 13) {
                boolean byAddress = elsewhere % 4 == 3;
                String address = address(town, room);
                rows.add(byAddress ? new NewKeyGroupRow(p.name, "", "", WRITINGS.get(elsewhere % 3).apply(address),
                        "", "", "") : new NewKeyGroupRow(p.name, p.idNumber, "", address, "", "", ""));
                elsewhere++;
            }
        }
        Room somewhere = g.households().get(g.households().size() / 2);
        rows.add(new NewKeyGroupRow("沈一鸣", "", "", address(town, somewhere).replaceFirst("\\d+室$", "1808室"), "", "", ""));
        rows.add(new NewKeyGroupRow("顾小凤", "", "", "海湾镇某某路88弄", "", "", ""));
        return lists.push(office, new NewKeyGroupList(REFERENCE, CATEGORY, "出集中隔离点人员名单（演示）",
                town.town().id(), rows)).list();
    }

    /** "海湾镇星火一村5号楼2单元301室": the town, then compound, building and stairwell names, then the room. */
    private static String address(LoadedTown town, Room room) {
        StringBuilder text = new StringBuilder();
        for (int i = room.stairwell(); i >= 0; i = town.generated().areas().get(i).parent()) {
            PlannedArea area = town.generated().areas().get(i);
            if (area.level().ordinal() >= AreaLevel.COMPOUND.ordinal()) {
                text.insert(0, area.name());
            }
        }
        return town.town().name() + text + room.number() + "室";
    }

    private static String buildingOfLeader(LoadedTown town, List<DemoAccount> demoAccounts) {
        long building = demoAccounts.stream().filter(a -> a.role().equals(Role.BUILDING_LEADER.name())).findFirst()
                .orElseThrow().scopeAreaIds().getFirst();
        for (int i = 0; i < town.areaIds().length; i++) {
            if (town.areaIds()[i] == building) {
                return town.areaPaths()[i];
            }
        }
        throw new IllegalStateException("the demo building leader's building is not in the demo town");
    }
}
