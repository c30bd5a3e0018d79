package org.haolin.roster.internal;

import org.haolin.access.Grant;
import org.haolin.access.Scope;
import org.haolin.area.Area;
import org.haolin.resident.AreaNameKey;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.resident.ResidentField;
import org.haolin.resident.ResidentRules.AreaNames;
import org.haolin.resident.ResidentRules.Located;
import org.haolin.resident.ResidentRules.StairwellFinder;
import org.haolin.resident.RowProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The compounds, buildings and stairwells one person may import into, found by the names a roster gives.
 * Built once per import from the person's scope (a handful of queries), then answered from memory; a name
 * outside the scope is simply "not found", as if it did not exist. Safe to ask from several threads.
 */
public final class AreaDirectory implements StairwellFinder {

    private final Map<Long, Area> byId = new HashMap<>();
    private final Map<Long, List<Area>> children = new HashMap<>();
    private final List<Area> compounds = new ArrayList<>();
    private final Map<AreaNames, Located> answers = new java.util.concurrent.ConcurrentHashMap<>();

    public AreaDirectory(AreaTree tree, Scope scope) {
        Map<Long, Area> stairwells = new LinkedHashMap<>();
        for (Grant grant : scope.grants()) {
            Area root = tree.find(grant.areaId()).orElseThrow();
            tree.lineage(root).forEach(this::add);
            for (AreaLevel level : List.of(AreaLevel.COMPOUND, AreaLevel.BUILDING, AreaLevel.STAIRWELL)) {
                if (level.ordinal() >= root.level().ordinal()) {
                    tree.descendants(root, level).forEach(this::add);
                }
            }
            tree.descendants(root, AreaLevel.STAIRWELL).forEach(s -> stairwells.put(s.id(), s));
        }
        // Stairwells are importable only inside the scope, even when an ancestor was loaded for its name.
        children.values().forEach(list -> list.removeIf(a -> a.level() == AreaLevel.STAIRWELL && !stairwells.containsKey(a.id())));
    }

    public Area area(long id) {
        return byId.get(id);
    }

    @Override
    public Located find(AreaNames names) {
        return answers.computeIfAbsent(names, this::resolve);
    }

    private void add(Area area) {
        if (byId.putIfAbsent(area.id(), area) != null) {
            return;
        }
        if (area.level() == AreaLevel.COMPOUND) {
            compounds.add(area);
        }
        if (area.parentId() != null) {
            children.computeIfAbsent(area.parentId(), id -> new ArrayList<>()).add(area);
        }
    }

    private Located resolve(AreaNames names) {
        List<Area> candidates = compounds;
        if (names.residentialArea() != null) {
            candidates = candidates.stream().filter(c -> AreaNameKey.name(parentName(c)).equals(AreaNameKey.name(names.residentialArea()))).toList();
            if (candidates.isEmpty()) {
                return problem(ResidentField.RESIDENTIAL_AREA, "import.area.residentialAreaNotFound", names.residentialArea());
            }
        }
        List<Area> compound = pick(candidates, names.compound(), AreaNameKey::name);
        if (compound.size() != 1) {
            return problem(ResidentField.COMPOUND, compound.isEmpty() ? "import.area.compoundNotFound"
                    : "import.area.compoundAmbiguous", names.compound());
        }
        List<Area> building = pick(children(compound.getFirst()), names.building(), AreaNameKey::numbered);
        if (building.size() != 1) {
            return problem(ResidentField.BUILDING, building.isEmpty() ? "import.area.buildingNotFound"
                    : "import.area.ambiguous", names.compound(), names.building());
        }
        List<Area> stairwell = pick(children(building.getFirst()), names.stairwell(), AreaNameKey::numbered);
        if (stairwell.size() != 1) {
            return problem(ResidentField.STAIRWELL, stairwell.isEmpty() ? "import.area.stairwellNotFound"
                    : "import.area.ambiguous", names.compound() + " " + names.building(), names.stairwell());
        }
        return Located.at(stairwell.getFirst().id());
    }

    /** The exact name if one area has it, else every area whose key matches. */
    private static List<Area> pick(List<Area> areas, String name, Function<String, String> key) {
        List<Area> exact = areas.stream().filter(a -> AreaNameKey.name(a.name()).equals(AreaNameKey.name(name))).toList();
        if (exact.size() == 1) {
            return exact;
        }
        String wanted = key.apply(name);
        return areas.stream().filter(a -> key.apply(a.name()).equals(wanted)).toList();
    }

    private List<Area> children(Area parent) {
        return children.getOrDefault(parent.id(), List.of());
    }

    private String parentName(Area area) {
        Area parent = area.parentId() == null ? null : byId.get(area.parentId());
        return parent == null ? "" : parent.name();
    }

    private static Located problem(ResidentField field, String key, String... args) {
        return Located.notFound(RowProblem.of(field, key, args));
    }
}
