package org.haolin.keygroup.internal;

import org.haolin.access.Scope;
import org.haolin.area.Area;
import org.haolin.keygroup.MatchedBy;
import org.haolin.keygroup.Outcome;
import org.haolin.keygroup.ParsedAddress;
import org.haolin.keygroup.internal.RowChecks.CheckedRow;
import org.haolin.keygroup.internal.TownPlaces.Placement;
import org.haolin.platform.SensitiveData;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static haolin.schema.Tables.RESIDENT;
import static org.jooq.impl.DSL.any;

/**
 * Finds the resident each row of a list means, among the residents of one town inside the office's scope:
 * by ID number (keyed hash), else by phone (keyed hash; several residents sharing a phone are told apart by
 * name), else by name in the place the address leads to (the room must agree when it is given). All lookups
 * go out in a few batched queries ({@code = any(array)}), never one per row.
 */
@Component
public class RowMatcher {

    /** An ambiguous row keeps at most this many candidates to choose from. */
    static final int MAX_CANDIDATES = 20;
    private static final int PER_QUERY = 5_000;

    /** A resident as matching needs them: where they live and under which name. */
    public record Hit(long id, long areaId, String areaPath, String room, String name) {
    }

    /**
     * What matching found for one row, where the row stands so far, and the room its address gives (for
     * registering the person when nobody is found).
     */
    public record Match(CheckedRow row, Outcome outcome, MatchedBy by, Long residentId, List<Hit> candidates,
                        Placement placement, String room) {
    }

    private final DSLContext db;
    private final SensitiveData sensitive;

    RowMatcher(DSLContext db, SensitiveData sensitive) {
        this.db = db;
        this.sensitive = sensitive;
    }

    public List<Match> match(long townId, Scope scope, List<CheckedRow> rows, TownPlaces places) {
        Condition mine = RESIDENT.TOWN_ID.eq(townId).and(scope.on(RESIDENT.TOWN_ID, RESIDENT.AREA_PATH));
        byte[][] idHashes = new byte[rows.size()][];
        byte[][] phoneHashes = new byte[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            idHashes[i] = rows.get(i).idNumber() == null ? null : sensitive.lookupHash(rows.get(i).idNumber());
            phoneHashes[i] = rows.get(i).phone() == null ? null : sensitive.lookupHash(rows.get(i).phone());
        }
        Map<ByteBuffer, List<Hit>> byId = byHash(RESIDENT.ID_NUMBER_HASH, nonNull(idHashes), mine);
        Map<ByteBuffer, List<Hit>> byPhone = byHash(RESIDENT.PHONE_HASH, unmatched(phoneHashes, idHashes, byId), mine);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!foundByNumbers(rows.get(i), idHashes[i], phoneHashes[i], byId, byPhone)) {
                names.add(rows.get(i).name());
            }
        }
        Map<String, List<Hit>> byName = byName(names, mine);
        List<Match> matches = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            matches.add(decide(rows.get(i), idHashes[i], phoneHashes[i], byId, byPhone, byName, places));
        }
        return matches;
    }

    /** Whether the ID number or the phone alone finds the row's resident, so the name need not be looked up. */
    private static boolean foundByNumbers(CheckedRow row, byte[] idHash, byte[] phoneHash,
                                          Map<ByteBuffer, List<Hit>> byId, Map<ByteBuffer, List<Hit>> byPhone) {
        if (idHash != null && byId.containsKey(ByteBuffer.wrap(idHash))) {
            return true;
        }
        List<Hit> samePhone = phoneHash == null ? List.of() : byPhone.getOrDefault(ByteBuffer.wrap(phoneHash), List.of());
        return samePhone.size() == 1 || samePhone.stream().filter(h -> h.name().equals(row.name())).count() == 1;
    }

    private static Match decide(CheckedRow row, byte[] idHash, byte[] phoneHash, Map<ByteBuffer, List<Hit>> byId,
                                Map<ByteBuffer, List<Hit>> byPhone, Map<String, List<Hit>> byName, TownPlaces places) {
        List<Hit> sameId = idHash == null ? List.of() : byId.getOrDefault(ByteBuffer.wrap(idHash), List.of());
        if (!sameId.isEmpty()) { // one at most: ID numbers are unique within a town
            return matched(row, MatchedBy.ID_NUMBER, sameId.getFirst(), null, null);
        }
        List<Hit> samePhone = phoneHash == null ? List.of() : byPhone.getOrDefault(ByteBuffer.wrap(phoneHash), List.of());
        List<Hit> samePhoneAndName = samePhone.stream().filter(h -> h.name().equals(row.name())).toList();
        if (samePhone.size() == 1 || samePhoneAndName.size() == 1) {
            Hit hit = samePhone.size() == 1 ? samePhone.getFirst() : samePhoneAndName.getFirst();
            return matched(row, MatchedBy.PHONE, hit, null, null);
        }
        // only rows the numbers did not find are placed by their address (the costlier part)
        ParsedAddress parsed = row.parsed();
        Placement placement = places.place(parsed);
        if (samePhoneAndName.size() > 1) {
            return ambiguous(row, samePhoneAndName, placement, parsed.room());
        }
        List<Hit> byAddress = inPlace(row, parsed, byName.getOrDefault(row.name(), List.of()), placement);
        if (byAddress.size() == 1 && placement != null) {
            return matched(row, MatchedBy.NAME_ADDRESS, byAddress.getFirst(), placement, parsed.room());
        }
        if (!byAddress.isEmpty()) {
            return ambiguous(row, byAddress, placement, parsed.room());
        }
        if (samePhone.size() > 1) { // a shared phone, nobody of that name: one of them may still be meant
            return ambiguous(row, samePhone, placement, parsed.room());
        }
        return new Match(row, Outcome.UNMATCHED, null, null, List.of(), placement, parsed.room());
    }

    /**
     * Residents of the row's name in the place its address leads to, in its room when it gives one. Without
     * a place, every resident of that name in the town is a candidate to confirm, never a match; unless the
     * row has an ID number, which then belongs to none of them.
     */
    private static List<Hit> inPlace(CheckedRow row, ParsedAddress parsed, List<Hit> sameName, Placement placement) {
        if (placement == null) {
            return row.idNumber() != null ? List.of() : sameName;
        }
        String room = parsed.room() == null ? null : room(parsed.room());
        return sameName.stream().filter(h -> h.areaPath().startsWith(placement.area().path()))
                .filter(h -> room == null || room.equals(room(h.room()))).toList();
    }

    /** Rooms compare without leading zeros and case: 0301 is 301, 301a is 301A. */
    static String room(String room) {
        return room == null ? null : room.strip().toUpperCase().replaceFirst("^0+(?=.)", "").replaceFirst("(室|号|户|房)$", "");
    }

    private static Match matched(CheckedRow row, MatchedBy by, Hit hit, Placement placement, String room) {
        return new Match(row, Outcome.MATCHED, by, hit.id(), List.of(hit), placement, room);
    }

    private static Match ambiguous(CheckedRow row, List<Hit> hits, Placement placement, String room) {
        return new Match(row, Outcome.AMBIGUOUS, null, null, hits.subList(0, Math.min(MAX_CANDIDATES, hits.size())),
                placement, room);
    }

    private Map<ByteBuffer, List<Hit>> byHash(Field<byte[]> column, List<byte[]> hashes, Condition mine) {
        Map<ByteBuffer, List<Hit>> found = new HashMap<>();
        for (int i = 0; i < hashes.size(); i += PER_QUERY) {
            byte[][] chunk = hashes.subList(i, Math.min(hashes.size(), i + PER_QUERY)).toArray(byte[][]::new);
            db.select(RESIDENT.ID, RESIDENT.AREA_ID, RESIDENT.AREA_PATH, RESIDENT.ROOM, RESIDENT.NAME, column)
                    .from(RESIDENT).where(mine, column.eq(any(chunk)))
                    .forEach(r -> found.computeIfAbsent(ByteBuffer.wrap(r.value6()), k -> new ArrayList<>())
                            .add(new Hit(r.value1(), r.value2(), r.value3(), r.value4(), r.value5())));
        }
        return found;
    }

    private Map<String, List<Hit>> byName(Collection<String> names, Condition mine) {
        Map<String, List<Hit>> found = new HashMap<>();
        List<String> all = List.copyOf(names);
        for (int i = 0; i < all.size(); i += PER_QUERY) {
            String[] chunk = all.subList(i, Math.min(all.size(), i + PER_QUERY)).toArray(String[]::new);
            db.select(RESIDENT.ID, RESIDENT.AREA_ID, RESIDENT.AREA_PATH, RESIDENT.ROOM, RESIDENT.NAME)
                    .from(RESIDENT).where(mine, RESIDENT.NAME.eq(any(chunk)))
                    .forEach(r -> found.computeIfAbsent(r.value5(), k -> new ArrayList<>())
                            .add(new Hit(r.value1(), r.value2(), r.value3(), r.value4(), r.value5())));
        }
        return found;
    }

    private static List<byte[]> nonNull(byte[][] hashes) {
        List<byte[]> list = new ArrayList<>(hashes.length);
        for (byte[] hash : hashes) {
            if (hash != null) {
                list.add(hash);
            }
        }
        return list;
    }

    /** Phones of the rows the ID number did not find: only those need looking up. */
    private static List<byte[]> unmatched(byte[][] phones, byte[][] ids, Map<ByteBuffer, List<Hit>> byId) {
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < phones.length; i++) {
            if (phones[i] != null && (ids[i] == null || !byId.containsKey(ByteBuffer.wrap(ids[i])))) {
                list.add(phones[i]);
            }
        }
        return list;
    }

    /** The deepest area all the given paths lie in: the common chain of ids, cut at a dot. */
    public static String commonPath(Collection<String> paths) {
        String common = null;
        for (String path : paths) {
            if (common == null) {
                common = path;
                continue;
            }
            int n = 0;
            while (n < common.length() && n < path.length() && common.charAt(n) == path.charAt(n)) {
                n++;
            }
            common = common.substring(0, common.lastIndexOf('.', n - 1) + 1);
        }
        return common;
    }

    static long lastId(String path) {
        String trimmed = path.substring(0, path.length() - 1);
        return Long.parseLong(trimmed.substring(trimmed.lastIndexOf('.') + 1));
    }

    /** The area a row stands in so far, for scope and progress: see {@link #commonPath}. */
    public static String rowPath(Match match, Area town) {
        if (match.outcome() == Outcome.MATCHED) {
            return match.candidates().getFirst().areaPath();
        }
        if (match.outcome() == Outcome.AMBIGUOUS) {
            return commonPath(match.candidates().stream().map(Hit::areaPath).toList());
        }
        return match.placement() == null ? town.path() : match.placement().area().path();
    }
}
