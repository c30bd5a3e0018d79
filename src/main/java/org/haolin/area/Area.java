package org.haolin.area;

/** One node of the tree. The path is the chain of ids from the district down, each followed by a dot. */
public record Area(long id, Long parentId, AreaLevel level, Long townId, String code, String name, String path,
                   ZoneLevel zoneLevel) {

    /** The ids on the path from the top down to this area, this one last. */
    public java.util.List<Long> lineage() {
        return lineageOf(path);
    }

    /** The ids on a stored area path ("1000.1001.1005."), top down. */
    public static java.util.List<Long> lineageOf(String path) {
        return java.util.Arrays.stream(path.split("\\.")).map(Long::valueOf).toList();
    }
}
