package org.haolin.wish.internal;

import org.haolin.access.HaolinUser;
import org.haolin.access.Role;

/** The catalogue and the claimer organisations are the town's own: its town administrators edit them. */
public final class TownAdmins {

    private TownAdmins() {
    }

    public static boolean administers(HaolinUser user, long townId) {
        return user != null && !user.systemAdmin() && user.grants().stream()
                .anyMatch(g -> g.role() == Role.TOWN_ADMIN && g.townId() == townId);
    }
}
