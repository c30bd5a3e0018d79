package org.haolin.area;

/** One node of the tree. The path is the chain of ids from the district down, each followed by a dot. */
public record Area(long id, Long parentId, AreaLevel level, Long townId, String code, String name, String path,
                   ZoneLevel zoneLevel) {

    /** The ids on the path from the top down to this area, this one last. */
    public java.util.List<Long> lineage() {
        return java.util.Arrays.stream(path.split("\\.")).map(Long::valueOf).toList();
    }
}
