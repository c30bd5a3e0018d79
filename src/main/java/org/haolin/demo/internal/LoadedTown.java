package org.haolin.demo.internal;

import org.haolin.area.Area;
import org.haolin.area.AreaLevel;

import java.util.stream.IntStream;

/** A generated town as it now stands in the database: the town area, and each planned area's id and path. */
record LoadedTown(Area town, GeneratedTown generated, long[] areaIds, String[] areaPaths) {

    /** The n-th planned area of a level (0-based), inside {@code withinPath} when given. */
    int nth(AreaLevel level, int n, String withinPath) {
        return IntStream.range(0, areaIds.length)
                .filter(i -> generated.areas().get(i).level() == level)
                .filter(i -> withinPath == null || areaPaths[i].startsWith(withinPath))
                .skip(n).findFirst().orElseThrow();
    }

    long count(AreaLevel level) {
        return generated.areas().stream().filter(a -> a.level() == level).count();
    }
}
