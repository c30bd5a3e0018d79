package org.haolin.demo.internal;

import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.IntConsumer;

import static haolin.schema.Tables.AREA;

/** Generates a town and bulk loads it, unless a town of that name already stands in the district. */
@Component
class TownLoader {

    private final DSLContext db;
    private final AreaTree areas;
    private final BulkLoader loader;

    TownLoader(DSLContext db, AreaTree areas, BulkLoader loader) {
        this.db = db;
        this.areas = areas;
        this.loader = loader;
    }

    boolean anyTown() {
        return db.fetchExists(AREA, AREA.LEVEL.eq(AreaLevel.TOWN.name()));
    }

    /** The district with this code, created when there is none yet. */
    Area district(String code, String name) {
        return db.select(AREA.ID).from(AREA)
                .where(AREA.LEVEL.eq(AreaLevel.DISTRICT.name()), AREA.CODE.eq(code), AREA.NAME.eq(name))
                .orderBy(AREA.ID).limit(1)
                .fetchOptional(AREA.ID)
                .flatMap(areas::find)
                .orElseGet(() -> areas.createDistrict(code, name));
    }

    boolean exists(Area district, String townName) {
        return db.fetchExists(AREA, AREA.PARENT_ID.eq(district.id()), AREA.NAME.eq(townName));
    }

    /** Call inside a transaction: the whole town lands, or nothing. Empty when the town was already there. */
    Optional<LoadedTown> loadIfAbsent(Area district, TownSpec spec, IntConsumer progress) {
        return loadIfAbsent(district, TownGenerator.generate(spec), progress);
    }

    Optional<LoadedTown> loadIfAbsent(Area district, GeneratedTown town, IntConsumer progress) {
        if (exists(district, town.spec().name())) {
            return Optional.empty();
        }
        return Optional.of(loader.load(district, town, progress));
    }

    /** Fresh statistics (and visibility map) after a bulk load, so the planner sees the new rows. */
    void analyze() {
        db.query("vacuum (analyze) area, household, resident, resident_tag").execute();
    }
}
