package org.haolin.demo.internal;

import org.haolin.area.AreaLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tree below a town: residential areas of about five compounds, compounds of 6-20 buildings, buildings
 * of one to three stairwells ("1单元"..), stairwells of flats numbered floor by floor ("101".."602").
 * Sized so that about nine flats in ten are lived in.
 */
final class TownLayout {

    static final int RESIDENTS_PER_COMPOUND = 800;
    static final int COMPOUNDS_PER_AREA = 5;
    private static final double OCCUPANCY = 0.9;

    /** Six-storey walk-ups with two to three stairwells dominate; some eleven-storey blocks. */
    private record BuildingType(int floors, int flatsPerFloor, int minStairwells, int maxStairwells) {
        int averageFlats() {
            return floors * flatsPerFloor * (minStairwells + maxStairwells) / 2;
        }
    }

    private static final Weighted<BuildingType> TYPES = Weighted.of(List.of(
            new BuildingType(6, 2, 2, 3), new BuildingType(5, 2, 2, 3), new BuildingType(11, 2, 1, 2)), 55, 15, 30);

    /** The planned areas (tree order: parents first) and every flat of every stairwell. */
    record Plan(List<PlannedArea> areas, List<Room> rooms) {
    }

    private final SplittableRandom rng;
    private final PlaceNames names;
    private final List<PlannedArea> areas = new ArrayList<>();
    private final List<Room> rooms = new ArrayList<>();

    TownLayout(SplittableRandom rng, PlaceNames names) {
        this.rng = rng;
        this.names = names;
    }

    static int compoundsFor(int residents) {
        return Math.max(1, Math.round(residents / (float) RESIDENTS_PER_COMPOUND));
    }

    Plan plan(int residents, int households, String townCode) {
        int compounds = compoundsFor(residents);
        int residentialAreas = Math.max(1, Math.round(compounds / (float) COMPOUNDS_PER_AREA));
        double flatsPerCompound = households / OCCUPANCY / compounds;
        List<int[]> compoundsWithBuildings = new ArrayList<>();
        for (int a = 0; a < residentialAreas; a++) {
            String word = names.areaWord(a);
            int area = add(-1, AreaLevel.RESIDENTIAL_AREA, names.residentialArea(word),
                    townCode == null ? null : townCode + String.format("%03d", a + 1), a);
            int share = compounds / residentialAreas + (a < compounds % residentialAreas ? 1 : 0);
            for (int c = 0; c < share; c++) {
                int compound = add(area, AreaLevel.COMPOUND, names.compound(word), null, c);
                compoundsWithBuildings.add(new int[]{compound, buildings(compound, flatsPerCompound)});
            }
        }
        while (rooms.size() < households) { // a generous draw can still fall short: add a building where there is room
            int[] smallest = compoundsWithBuildings.stream().min(java.util.Comparator.comparingInt(c -> c[1])).orElseThrow();
            building(smallest[0], smallest[1]++, TYPES.draw(rng));
        }
        return new Plan(List.copyOf(areas), List.copyOf(rooms));
    }

    /** Adds the compound's buildings; returns how many. */
    private int buildings(int compound, double flatsPerCompound) {
        BuildingType type = TYPES.draw(rng);
        double target = flatsPerCompound * (0.7 + 0.6 * rng.nextDouble());
        int count = (int) Math.max(6, Math.min(20, Math.round(target / type.averageFlats())));
        for (int b = 0; b < count; b++) {
            building(compound, b, type);
        }
        return count;
    }

    private void building(int compound, int n, BuildingType type) {
        int building = add(compound, AreaLevel.BUILDING, (n + 1) + "号楼", null, n);
        int stairwells = type.minStairwells() + rng.nextInt(type.maxStairwells() - type.minStairwells() + 1);
        for (int s = 0; s < stairwells; s++) {
            int stairwell = add(building, AreaLevel.STAIRWELL, (s + 1) + "单元", null, s);
            for (int floor = 1; floor <= type.floors(); floor++) {
                for (int flat = 1; flat <= type.flatsPerFloor(); flat++) {
                    rooms.add(new Room(stairwell, String.valueOf(floor * 100 + flat)));
                }
            }
        }
    }

    private int add(int parent, AreaLevel level, String name, String code, int sortKey) {
        areas.add(new PlannedArea(parent, level, name, code, sortKey));
        return areas.size() - 1;
    }
}
