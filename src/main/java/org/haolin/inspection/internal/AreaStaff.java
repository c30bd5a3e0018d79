package org.haolin.inspection.internal;

import org.haolin.access.Accounts;
import org.haolin.access.Holder;
import org.haolin.access.Role;
import org.haolin.area.Area;
import org.haolin.inspection.StaffMember;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who works in a residential area, read from role assignments: its staff (who may own a rectification task:
 * secretary first, then director, then social workers) and its supervisors (a SUPERVISOR role on the area itself).
 */
@Component
public class AreaStaff {

    /** The order owners are offered in: the secretary is the default owner. */
    private static final List<Role> STAFF = List.of(Role.AREA_SECRETARY, Role.AREA_DIRECTOR, Role.SOCIAL_WORKER);

    private final Accounts accounts;

    AreaStaff(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Staff holding their role on the area itself or inside it, secretary first; each once. */
    public List<StaffMember> owners(Area area) {
        List<Holder> holders = accounts.holdersAround(area.townId(), area.path(), Set.copyOf(STAFF)).stream()
                .filter(h -> h.areaPath().startsWith(area.path()))
                .sorted(Comparator.comparingInt((Holder h) -> STAFF.indexOf(h.role())).thenComparing(Holder::accountId))
                .toList();
        Map<Long, String> names = accounts.displayNames(holders.stream().map(Holder::accountId).toList());
        Map<Long, StaffMember> owners = new LinkedHashMap<>();
        holders.forEach(h -> owners.putIfAbsent(h.accountId(), new StaffMember(h.accountId(), names.get(h.accountId()))));
        return List.copyOf(owners.values());
    }

    /** The supervisors of each area (by area id), by name: those holding SUPERVISOR on that very area. */
    public Map<Long, List<String>> supervisors(long townId, Collection<Area> areas) {
        List<Holder> holders = accounts.holders(townId, areas.stream().map(Area::path).toList(), Set.of(Role.SUPERVISOR));
        Map<Long, String> names = accounts.displayNames(holders.stream().map(Holder::accountId).distinct().toList());
        Map<Long, List<String>> byArea = new LinkedHashMap<>();
        for (Area area : areas) {
            byArea.put(area.id(), holders.stream().filter(h -> h.areaPath().equals(area.path()))
                    .map(h -> names.get(h.accountId())).distinct().sorted().toList());
        }
        return byArea;
    }
}
