package org.haolin.keygroup.internal;

import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.resident.AreaNameKey;
import org.haolin.keygroup.ParsedAddress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The residential areas, compounds, buildings and stairwells of one town, to place a parsed address in: the
 * compound by its name (exact; else the same name without its 小区/新村/苑 kind of suffix; else a compound
 * name found inside the address or the address's compound text inside a compound name; else a lane), the
 * building by its number, the stairwell by its number (or the building's only one). Built once per list.
 * An address that could mean several compounds places nowhere rather than guess.
 */
public final class TownPlaces {

    /** Suffixes that name the kind of compound, not the compound: 星火一村小区 is 星火一村, 海韵小区 is 海韵苑. */
    private static final List<String> KINDS = List.of("小区", "新村", "新苑", "花园", "家园", "公寓", "苑", "村", "园");
    private static final int SHORTEST_NAME_TO_SEARCH = 2;
    /** The ways before this one compare whole names; from it on names are searched inside other text. */
    private static final int FIRST_SEARCHING_WAY = 2;

    /** Where an address leads: the deepest area found, and the stairwell when it got that far. */
    public record Placement(Area area, Area stairwell) {
    }

    private final Area town;
    private final Map<Long, Area> byId = new HashMap<>();
    private final Map<Long, List<Area>> children = new HashMap<>();
    private final List<Area> compounds = new ArrayList<>();
    /** Compound names as keys and cores, worked out once: every row of a list asks about every compound. */
    private final Map<Long, String> keys = new HashMap<>();
    private final Map<Long, String> cores = new HashMap<>();

    public TownPlaces(Area town, List<Area> areasBelow) {
        this.town = town;
        byId.put(town.id(), town);
        for (Area area : areasBelow) {
            byId.put(area.id(), area);
            if (area.parentId() != null) {
                children.computeIfAbsent(area.parentId(), id -> new ArrayList<>()).add(area);
            }
            if (area.level() == AreaLevel.COMPOUND) {
                compounds.add(area);
                keys.put(area.id(), key(area.name()));
                cores.put(area.id(), core(key(area.name())));
            }
        }
    }

    public Area town() {
        return town;
    }

    public Area area(long id) {
        return byId.get(id);
    }

    /** "星火一村 5号楼 2单元": the names from the compound down, for people choosing or reading a place. */
    public String label(Area area) {
        List<String> names = new ArrayList<>();
        for (Area a = area; a != null && a.level().ordinal() >= AreaLevel.COMPOUND.ordinal();
             a = a.parentId() == null ? null : byId.get(a.parentId())) {
            names.addFirst(a.name());
        }
        return names.isEmpty() ? area.name() : String.join(" ", names);
    }

    public List<Area> stairwellsUnder(String path) {
        return byId.values().stream().filter(a -> a.level() == AreaLevel.STAIRWELL && a.path().startsWith(path))
                .sorted(Comparator.comparing(this::label)).toList();
    }

    /** The place an address leads to, or null when not even its compound is found without doubt. */
    public Placement place(ParsedAddress address) {
        if (address == null || address.isEmpty()) {
            return null;
        }
        List<Area> found = compounds(address);
        if (found.isEmpty()) {
            return null;
        }
        if (address.building() == null) {
            return found.size() == 1 ? new Placement(found.getFirst(), null) : null;
        }
        String number = AreaNameKey.numbered(address.building());
        List<Area> buildings = found.stream().flatMap(c -> children(c).stream())
                .filter(b -> AreaNameKey.numbered(b.name()).equals(number)).toList();
        if (buildings.size() != 1) {
            return found.size() == 1 ? new Placement(found.getFirst(), null) : null;
        }
        Area building = buildings.getFirst();
        Area stairwell = stairwell(building, address.stairwell());
        return stairwell == null ? new Placement(building, null) : new Placement(stairwell, stairwell);
    }

    private Area stairwell(Area building, String stairwell) {
        List<Area> stairwells = children(building);
        if (stairwell == null) {
            return stairwells.size() == 1 ? stairwells.getFirst() : null; // a building with one stairwell
        }
        String number = AreaNameKey.numbered(stairwell);
        List<Area> matching = stairwells.stream().filter(s -> AreaNameKey.numbered(s.name()).equals(number)).toList();
        return matching.size() == 1 ? matching.getFirst() : null;
    }

    /** The compounds the address may mean, by the first way of naming that finds any; narrowed by a committee. */
    List<Area> compounds(ParsedAddress address) {
        List<Area> within = committee(address.residentialArea());
        String text = key(address.compound());
        String whole = key(address.text());
        // From the surest way to the loosest; the whole address is searched for full names only, since a
        // core such as 海湾 (of 海湾苑) also stands in the town's name 海湾镇.
        List<Predicate<Area>> ways = List.of(
                c -> !text.isEmpty() && keys.get(c.id()).equals(text),
                c -> !text.isEmpty() && cores.get(c.id()).equals(core(text)),
                c -> !text.isEmpty() && text.contains(keys.get(c.id())),
                c -> keys.get(c.id()).length() > SHORTEST_NAME_TO_SEARCH && whole.contains(keys.get(c.id())),
                c -> cores.get(c.id()).length() >= SHORTEST_NAME_TO_SEARCH && text.contains(cores.get(c.id())),
                c -> text.length() >= SHORTEST_NAME_TO_SEARCH && keys.get(c.id()).contains(text),
                c -> address.lane() != null && keys.get(c.id()).contains(key(address.lane())));
        for (int way = 0; way < ways.size(); way++) {
            List<Area> found = within.stream().filter(ways.get(way)).toList();
            if (!found.isEmpty()) {
                return way < FIRST_SEARCHING_WAY ? found : longestNames(found);
            }
        }
        return List.of();
    }

    /** The compounds of the residents' committee the address names, when there is one by that name. */
    private List<Area> committee(String residentialArea) {
        if (residentialArea == null) {
            return compounds;
        }
        List<Area> inside = compounds.stream().filter(c -> {
            Area parent = c.parentId() == null ? null : byId.get(c.parentId());
            return parent != null && key(parent.name()).equals(key(residentialArea));
        }).toList();
        return inside.isEmpty() ? compounds : inside;
    }

    /** Of compounds whose names are all found inside an address, the longest name is the one meant (星火一村, not 星火). */
    private List<Area> longestNames(List<Area> found) {
        int longest = found.stream().mapToInt(c -> keys.get(c.id()).length()).max().orElse(0);
        return found.stream().filter(c -> keys.get(c.id()).length() == longest).toList();
    }

    private List<Area> children(Area parent) {
        return children.getOrDefault(parent.id(), List.of());
    }

    static String key(String text) {
        return text == null ? "" : AreaNameKey.name(text).toLowerCase(Locale.ROOT);
    }

    /** The name without the suffixes that name its kind (up to two: 星火一村小区 → 星火一). */
    static String core(String key) {
        String core = key;
        for (int round = 0; round < 2; round++) {
            for (String kind : KINDS) {
                if (core.endsWith(kind) && core.length() > kind.length()) {
                    core = core.substring(0, core.length() - kind.length());
                    break;
                }
            }
        }
        return core;
    }
}
