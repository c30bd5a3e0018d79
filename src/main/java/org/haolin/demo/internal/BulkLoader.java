package org.haolin.demo.internal;

import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.platform.SensitiveData;
import org.haolin.platform.CopyRows;
import org.haolin.resident.EncodedIdentity;
import org.haolin.resident.Residents;
import org.haolin.resident.Tag;
import org.haolin.resident.TagSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static haolin.schema.Sequences.HAOLIN_ID;
import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.HOUSEHOLD;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.RESIDENT_TAG;

/**
 * Writes a generated town with PostgreSQL COPY: the town itself through the area tree, everything below it,
 * households, residents and tags in bulk. Identities are encoded by {@link EncodedIdentity}, so the stored
 * form is exactly what the registry writes. Runs inside the caller's transaction: a town lands whole or not.
 */
@Component
class BulkLoader {

    static final String AUTHOR = "demo";
    private static final int CHUNK = 2_000;

    private final DSLContext db;
    private final AreaTree areaTree;
    private final SensitiveData sensitive;
    private final Residents residents;

    BulkLoader(DSLContext db, AreaTree areaTree, SensitiveData sensitive, Residents residents) {
        this.db = db;
        this.areaTree = areaTree;
        this.sensitive = sensitive;
        this.residents = residents;
    }

    /** Loads the town under its district; {@code progress} hears how many residents are in so far. */
    LoadedTown load(Area district, GeneratedTown town, IntConsumer progress) {
        Area townArea = areaTree.insertChild(district, town.spec().name(), town.spec().code());
        long[] ids = nextIds(town.areas().size() + town.households().size() + town.residents().size());
        long[] areaIds = Arrays.copyOfRange(ids, 0, town.areas().size());
        long[] householdIds = Arrays.copyOfRange(ids, areaIds.length, areaIds.length + town.households().size());
        long[] residentIds = Arrays.copyOfRange(ids, areaIds.length + householdIds.length, ids.length);
        String[] paths = paths(townArea, town.areas(), areaIds);
        db.connection(c -> {
            copyAreas(c, townArea, town, areaIds, paths);
            copyHouseholds(c, townArea, town, areaIds, paths, householdIds);
            copyResidents(c, townArea, town, areaIds, paths, householdIds, residentIds, progress);
            copyTags(c, townArea, town, areaIds, paths, residentIds);
        });
        return new LoadedTown(townArea, town, areaIds, paths);
    }

    private long[] nextIds(int count) {
        return db.select(HAOLIN_ID.nextval()).from(DSL.generateSeries(1, count))
                .fetch().stream().mapToLong(r -> r.value1()).toArray();
    }

    private static String[] paths(Area town, List<PlannedArea> areas, long[] ids) {
        String[] paths = new String[areas.size()];
        for (int i = 0; i < paths.length; i++) {
            int parent = areas.get(i).parent();
            paths[i] = (parent < 0 ? town.path() : paths[parent]) + ids[i] + ".";
        }
        return paths;
    }

    private void copyAreas(Connection c, Area town, GeneratedTown g, long[] ids, String[] paths) throws SQLException {
        CopyRows.Stream rows = copy(c, AREA, AREA.ID, AREA.PARENT_ID, AREA.LEVEL, AREA.TOWN_ID, AREA.CODE, AREA.NAME,
                AREA.PATH, AREA.SORT_KEY);
        for (int i = 0; i < ids.length; i++) {
            PlannedArea a = g.areas().get(i);
            rows.row(ids[i], a.parent() < 0 ? town.id() : ids[a.parent()], a.level().name(), town.id(), a.code(),
                    a.name(), paths[i], a.sortKey());
        }
        rows.end();
    }

    private void copyHouseholds(Connection c, Area town, GeneratedTown g, long[] areaIds, String[] paths,
                                long[] householdIds) throws SQLException {
        CopyRows.Stream rows = copy(c, HOUSEHOLD, HOUSEHOLD.ID, HOUSEHOLD.TOWN_ID, HOUSEHOLD.AREA_ID, HOUSEHOLD.AREA_PATH,
                HOUSEHOLD.ROOM);
        for (int i = 0; i < householdIds.length; i++) {
            Room room = g.households().get(i);
            rows.row(householdIds[i], town.id(), areaIds[room.stairwell()], paths[room.stairwell()], room.number());
        }
        rows.end();
    }

    /** Stairwell by stairwell, as rosters arrive in real life, so one stairwell's rows sit close together. */
    private void copyResidents(Connection c, Area town, GeneratedTown g, long[] areaIds, String[] paths,
                               long[] householdIds, long[] residentIds, IntConsumer progress) throws SQLException {
        CopyRows.Stream rows = copy(c, RESIDENT, RESIDENT.ID, RESIDENT.TOWN_ID, RESIDENT.AREA_ID, RESIDENT.AREA_PATH,
                RESIDENT.HOUSEHOLD_ID, RESIDENT.ROOM, RESIDENT.NAME, RESIDENT.SEX, RESIDENT.BIRTH_DATE, RESIDENT.ID_TYPE,
                RESIDENT.ID_NUMBER_ENC, RESIDENT.ID_NUMBER_HASH, RESIDENT.ID_NUMBER_MASKED, RESIDENT.ID_LAST4,
                RESIDENT.PHONE_ENC, RESIDENT.PHONE_HASH, RESIDENT.PHONE_MASKED, RESIDENT.PHONE_LAST4,
                RESIDENT.RESIDENCE_STATUS, RESIDENT.NOTES);
        int[] order = byStairwellAndRoom(g);
        CompletableFuture<EncodedIdentity[]> next = encodeAhead(g, order, 0);
        for (int from = 0; from < order.length; from += CHUNK) {
            int to = Math.min(order.length, from + CHUNK);
            EncodedIdentity[] encoded = next.join();
            next = encodeAhead(g, order, to);
            for (int k = from; k < to; k++) {
                int i = order[k];
                Person p = g.residents().get(i);
                Room room = g.households().get(p.household);
                EncodedIdentity e = encoded[k - from];
                rows.row(residentIds[i], town.id(), areaIds[room.stairwell()], paths[room.stairwell()],
                        householdIds[p.household], room.number(), p.name, String.valueOf(p.sex), p.birthDate,
                        p.idType.name(), e.idNumberEnc(), e.idNumberHash(), e.idNumberMasked(), e.idLast4(),
                        e.phoneEnc(), e.phoneHash(), e.phoneMasked(), e.phoneLast4(), p.status.name(), p.notes);
            }
            progress.accept(to);
        }
        rows.end();
    }

    /**
     * Encryption and hashing are the costly part on our side: the next chunk is encoded on all cores while
     * PostgreSQL takes in the current one.
     */
    private CompletableFuture<EncodedIdentity[]> encodeAhead(GeneratedTown g, int[] order, int from) {
        int to = Math.min(order.length, from + CHUNK);
        return from >= to ? CompletableFuture.completedFuture(new EncodedIdentity[0])
                : CompletableFuture.supplyAsync(() -> encode(g, order, from, to));
    }

    private EncodedIdentity[] encode(GeneratedTown g, int[] order, int from, int to) {
        EncodedIdentity[] encoded = new EncodedIdentity[to - from];
        IntStream.range(from, to).parallel().forEach(k -> {
            Person p = g.residents().get(order[k]);
            encoded[k - from] = EncodedIdentity.of(sensitive, p.idNumber, p.phone);
        });
        return encoded;
    }

    private static int[] byStairwellAndRoom(GeneratedTown g) {
        return IntStream.range(0, g.residents().size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> g.households().get(g.residents().get(i).household).stairwell())
                        .thenComparing(i -> g.households().get(g.residents().get(i).household).number()))
                .mapToInt(Integer::intValue).toArray();
    }

    private void copyTags(Connection c, Area town, GeneratedTown g, long[] areaIds, String[] paths,
                          long[] residentIds) throws SQLException {
        Map<String, Long> tagIds = residents.catalogue().stream().collect(Collectors.toMap(Tag::code, Tag::id));
        CopyRows.Stream rows = copy(c, RESIDENT_TAG, RESIDENT_TAG.TOWN_ID, RESIDENT_TAG.AREA_ID, RESIDENT_TAG.AREA_PATH,
                RESIDENT_TAG.RESIDENT_ID, RESIDENT_TAG.TAG_ID, RESIDENT_TAG.VALID_FROM, RESIDENT_TAG.VALID_TO,
                RESIDENT_TAG.SOURCE, RESIDENT_TAG.CREATED_BY_NAME, RESIDENT_TAG.ENDED_BY_NAME);
        for (PlannedTag t : g.tags()) {
            Room room = g.households().get(g.residents().get(t.resident()).household);
            Long tagId = tagIds.get(t.code());
            if (tagId == null) {
                throw new IllegalStateException("the tag catalogue has no " + t.code());
            }
            rows.row(town.id(), areaIds[room.stairwell()], paths[room.stairwell()], residentIds[t.resident()], tagId,
                    t.validFrom(), t.validTo(), TagSource.IMPORT.name(), AUTHOR, t.ended() ? AUTHOR : null);
        }
        rows.end();
    }

    /** One binary COPY into the table's columns on the loader's connection. */
    private static CopyRows.Stream copy(Connection c, Table<?> table, Field<?>... columns) {
        return new CopyRows(table, List.of(columns)).stream(DSL.using(c));
    }
}
