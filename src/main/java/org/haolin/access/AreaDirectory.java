package org.haolin.access;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names of areas for account pages (roles on areas, audit rows), answered by the area module. Unscoped
 * on purpose and so limited to what a name says: id, town, path and a readable label, never anything below.
 */
public interface AreaDirectory {

    /** An area a role can be assigned on (a town or anything inside one). */
    Optional<AreaLabel> find(long areaId);

    /** Areas whose name contains the text, towns first. */
    List<AreaLabel> search(String text, int limit);

    /** Labels by id, for the ids that exist. */
    Map<Long, String> labels(Collection<Long> areaIds);

    /** An area and its label: the names from the town down, e.g. "海湾镇 / 星火居民区". */
    record AreaLabel(long id, long townId, String path, String label) {
    }
}
