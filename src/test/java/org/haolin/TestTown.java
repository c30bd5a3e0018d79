package org.haolin;

import org.haolin.access.Accounts;
import org.haolin.access.Grant;
import org.haolin.access.HaolinUser;
import org.haolin.access.Role;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.resident.IdType;
import org.haolin.resident.MainlandIdNumber;
import org.haolin.resident.NewResident;
import org.haolin.resident.ResidenceStatus;
import org.haolin.resident.ResidentRegistry;
import org.haolin.resident.TagSource;
import org.springframework.boot.test.context.TestComponent;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds a small, complete town under a district of its own, so each test works on data no other test
 * touches. Two residential areas, each with one compound, building and stairwell; five residents; one
 * account per interesting role (volunteer1 and supervisor1 on area1). Every password is {@link #PASSWORD}.
 */
@TestComponent
public class TestTown {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final AreaTree areas;
    private final ResidentRegistry registry;
    private final Accounts accounts;

    TestTown(AreaTree areas, ResidentRegistry registry, Accounts accounts) {
        this.areas = areas;
        this.registry = registry;
        this.accounts = accounts;
    }

    /**
     * What {@link #create()} built. Residents 0-2 live in stairwell1, 3-4 in stairwell2. Names and phones carry
     * the town's number, so they are unique across towns built by other tests.
     */
    public record Town(int n, Area district, Area town, Area area1, Area area2, Area compound1, Area compound2,
                       Area building1, Area building2, Area stairwell1, Area stairwell2, List<Long> residents,
                       List<String> idNumbers, List<String> names, List<String> phones, HaolinUser townAdmin, HaolinUser epidemicOffice,
                       HaolinUser secretary1, HaolinUser socialWorker1, HaolinUser leader1, HaolinUser leader2,
                       HaolinUser partyMember1, HaolinUser claimer, HaolinUser systemAdmin,
                       HaolinUser volunteer1, HaolinUser supervisor1) {
    }

    public Town create() {
        int n = COUNTER.incrementAndGet() + (int) (System.nanoTime() % 100000) * 100;
        Area district = areas.createDistrict("310120", "测试区" + n);
        Area town = areas.insertChild(district, "海湾镇" + n, null);
        Area area1 = areas.insertChild(town, "星火居民区", null);
        Area area2 = areas.insertChild(town, "海韵居民区", null);
        Area compound1 = areas.insertChild(area1, "星火一村", null);
        Area compound2 = areas.insertChild(area2, "海韵苑", null);
        Area building1 = areas.insertChild(compound1, "5号楼", null);
        Area building2 = areas.insertChild(compound2, "12号楼", null);
        Area stairwell1 = areas.insertChild(building1, "2单元", null);
        Area stairwell2 = areas.insertChild(building2, "1单元", null);

        List<String> ids = List.of(id(n, 0, 1948, 'M'), id(n, 1, 1952, 'F'), id(n, 2, 1990, 'F'),
                id(n, 3, 1975, 'M'), id(n, 4, 2012, 'M'));
        List<String> names = List.of("张建国" + n, "李秀英" + n, "王芳" + n, "陈伟" + n, "陈小明" + n);
        List<String> phones = List.of(phone(n, 1), phone(n, 2), phone(n, 3), phone(n, 4));
        List<Long> residents = List.of(
                resident(stairwell1, "301", names.get(0), ids.get(0), phones.get(0), List.of("ELDERLY_80_LIVING_ALONE")),
                resident(stairwell1, "301", names.get(1), ids.get(1), phones.get(1), List.of()),
                resident(stairwell1, "402", names.get(2), ids.get(2), phones.get(2), List.of("MEDICAL_STAFF")),
                resident(stairwell2, "101", names.get(3), ids.get(3), phones.get(3), List.of("MINIMUM_LIVING_ALLOWANCE")),
                resident(stairwell2, "101", names.get(4), ids.get(4), null, List.of()));

        return new Town(n, district, town, area1, area2, compound1, compound2, building1, building2, stairwell1,
                stairwell2, residents, ids, names, phones,
                user("admin" + n, Role.TOWN_ADMIN, town),
                user("office" + n, Role.EPIDEMIC_OFFICE, town),
                user("secretary" + n, Role.AREA_SECRETARY, area1),
                user("social" + n, Role.SOCIAL_WORKER, area1),
                user("leader" + n, Role.BUILDING_LEADER, building1),
                user("leadertwo" + n, Role.BUILDING_LEADER, building2),
                user("party" + n, Role.PARTY_MEMBER, area1),
                user("claimer" + n, Role.CLAIMER, town),
                systemAdmin("sysadmin" + n),
                user("volunteer" + n, Role.VOLUNTEER, area1),
                user("supervisor" + n, Role.SUPERVISOR, area1));
    }

    private static String phone(int n, int i) {
        return "13" + (8 + i % 2) + String.format("%08d", (n * 10L + i) % 100_000_000L);
    }

    private static String id(int n, int i, int year, char sex) {
        LocalDate birth = LocalDate.of(year, 1 + (n % 12), 1 + (i * 5 + n) % 28);
        int sequence = ((n * 7 + i * 2) % 499) * 2 + (sex == 'M' ? 1 : 0);
        return MainlandIdNumber.compose("310120", birth, sequence);
    }

    private long resident(Area stairwell, String room, String name, String idNumber, String phone, List<String> tags) {
        MainlandIdNumber id = MainlandIdNumber.parse(idNumber);
        NewResident r = new NewResident(stairwell.id(), room, name, String.valueOf(id.sex()), id.birthDate(),
                IdType.MAINLAND_ID, idNumber, phone, ResidenceStatus.LIVING_HERE, null, tags);
        return registry.write(stairwell, r, TagSource.MANUAL, null, "test").residentId();
    }

    private HaolinUser user(String username, Role role, Area area) {
        long id = accounts.create(username, role.name() + " " + username, PASSWORD, false);
        accounts.assign(id, new Grant(role, area.townId(), area.id(), area.path()));
        return accounts.user(id).orElseThrow();
    }

    private HaolinUser systemAdmin(String username) {
        long id = accounts.create(username, "System admin " + username, PASSWORD, true);
        return accounts.user(id).orElseThrow();
    }
}
