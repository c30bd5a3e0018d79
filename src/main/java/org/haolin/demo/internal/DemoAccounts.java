package org.haolin.demo.internal;

import org.haolin.access.Accounts;
import org.haolin.access.Grant;
import org.haolin.access.Role;
import org.haolin.area.AreaLevel;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One demo account per role, scoped where such a person works: the town office on the town, a supervisor on
 * two residential areas, the committee on one, a building leader on one building, Party members, volunteers
 * and property staff on a compound, claimers on the town; plus a system administrator. Passwords are random
 * (never derived from the seed), second-factor secrets where the role needs one, and one API token each.
 */
@Component
class DemoAccounts {

    static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_LENGTH = 16;

    private final Accounts accounts;
    private final SecureRandom random = new SecureRandom();

    DemoAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Usernames such as "town.admin", followed by {@code suffix} (empty, except where several demos share a database). */
    List<DemoAccount> create(LoadedTown town, String suffix) {
        NameGenerator names = new NameGenerator(new SplittableRandom(town.generated().spec().seed()));
        List<DemoAccount> created = new ArrayList<>();
        for (Role role : Role.values()) {
            created.add(account(town, role, names, suffix));
        }
        created.add(systemAdmin(names, suffix));
        return created;
    }

    private DemoAccount account(LoadedTown town, Role role, NameGenerator names, String suffix) {
        String username = role.name().toLowerCase().replace('_', '.') + suffix;
        String password = password();
        long id = accounts.create(username, displayName(names), password, false);
        List<Long> areaIds = new ArrayList<>();
        for (int area : scope(town, role)) {
            long areaId = area < 0 ? town.town().id() : town.areaIds()[area];
            String path = area < 0 ? town.town().path() : town.areaPaths()[area];
            accounts.assign(id, new Grant(role, town.town().id(), areaId, path));
            areaIds.add(areaId);
        }
        String secret = role.secondFactorRequired() ? accounts.enrolSecondFactor(id) : "";
        return new DemoAccount(id, username, password, role.name(), areaIds, secret, accounts.createToken(id, "demo"));
    }

    private DemoAccount systemAdmin(NameGenerator names, String suffix) {
        String username = "system.admin" + suffix;
        String password = password();
        long id = accounts.create(username, displayName(names), password, true);
        return new DemoAccount(id, username, password, SYSTEM_ADMIN, List.of(), accounts.enrolSecondFactor(id),
                accounts.createToken(id, "demo"));
    }

    /** Planned-area indices the role works on; -1 is the town itself. */
    private static List<Integer> scope(LoadedTown town, Role role) {
        int firstArea = town.nth(AreaLevel.RESIDENTIAL_AREA, 0, null);
        int compound = town.nth(AreaLevel.COMPOUND, 0, town.areaPaths()[firstArea]);
        return switch (role) {
            case TOWN_ADMIN, EPIDEMIC_OFFICE, CLAIMER -> List.of(-1);
            case SUPERVISOR -> town.count(AreaLevel.RESIDENTIAL_AREA) > 1
                    ? List.of(firstArea, town.nth(AreaLevel.RESIDENTIAL_AREA, 1, null)) : List.of(firstArea);
            case AREA_SECRETARY, AREA_DIRECTOR, SOCIAL_WORKER -> List.of(firstArea);
            case BUILDING_LEADER -> List.of(town.nth(AreaLevel.BUILDING, 0, town.areaPaths()[compound]));
            case PARTY_MEMBER, VOLUNTEER, PROPERTY_STAFF -> List.of(compound);
        };
    }

    private String displayName(NameGenerator names) {
        char sex = random.nextBoolean() ? 'M' : 'F';
        return names.fullName(names.surname(false), sex, 1970 + random.nextInt(25));
    }

    private String password() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
