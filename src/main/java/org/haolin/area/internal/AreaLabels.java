package org.haolin.area.internal;

import org.haolin.access.AreaDirectory;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static haolin.schema.Tables.AREA;

/**
 * Area names for the account pages. Unscoped, which is safe because it tells names only: a system
 * administrator assigning a role must find the area, and an audit row must say where it happened.
 * Labels start at the town, since the district adds nothing a town worker needs.
 */
@Component
class AreaLabels implements AreaDirectory {

    private final DSLContext db;

    AreaLabels(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<AreaLabel> find(long areaId) {
        return db.select(AREA.ID, AREA.TOWN_ID, AREA.PATH).from(AREA)
                .where(AREA.ID.eq(areaId), AREA.TOWN_ID.isNotNull())
                .fetchOptional()
                .map(r -> label(r, names(List.of(r))));
    }

    @Override
    public List<AreaLabel> search(String text, int limit) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            return List.of();
        }
        List<Record> found = List.copyOf(db.select(AREA.ID, AREA.TOWN_ID, AREA.PATH).from(AREA)
                .where(AREA.NAME.containsIgnoreCase(clean), AREA.TOWN_ID.isNotNull())
                .orderBy(AREA.PATH.length(), AREA.PATH)
                .limit(limit).fetch());
        Map<Long, String> names = names(found);
        return found.stream().map(r -> label(r, names)).toList();
    }

    @Override
    public Map<Long, String> labels(Collection<Long> areaIds) {
        if (areaIds.isEmpty()) {
            return Map.of();
        }
        List<Record> found = List.copyOf(db.select(AREA.ID, AREA.TOWN_ID, AREA.PATH).from(AREA)
                .where(AREA.ID.in(areaIds)).fetch());
        Map<Long, String> names = names(found);
        return found.stream().collect(Collectors.toMap(r -> r.get(AREA.ID), r -> label(r, names).label()));
    }

    /** The names of every area on the given areas' paths, in one query. */
    private Map<Long, String> names(List<Record> areas) {
        List<Long> ids = areas.stream().flatMap(r -> lineage(r.get(AREA.PATH)).stream()).distinct().toList();
        Map<Long, String> names = new LinkedHashMap<>();
        db.select(AREA.ID, AREA.NAME).from(AREA).where(AREA.ID.in(ids), AREA.TOWN_ID.isNotNull())
                .forEach(r -> names.put(r.get(AREA.ID), r.get(AREA.NAME)));
        return names;
    }

    private static AreaLabel label(Record area, Map<Long, String> names) {
        String label = lineage(area.get(AREA.PATH)).stream().filter(names::containsKey).map(names::get)
                .collect(Collectors.joining(" / "));
        Long townId = area.get(AREA.TOWN_ID);
        return new AreaLabel(area.get(AREA.ID), townId == null ? 0 : townId, area.get(AREA.PATH), label);
    }

    private static List<Long> lineage(String path) {
        return Arrays.stream(path.split("\\.")).map(Long::valueOf).toList();
    }
}
