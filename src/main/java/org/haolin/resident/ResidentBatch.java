package org.haolin.resident;

import org.haolin.area.Area;
import org.haolin.platform.DomainException;
import org.haolin.platform.SensitiveData;
import org.haolin.resident.ResidentRegistry.Outcome;
import org.haolin.platform.CopyRows;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import static haolin.schema.Sequences.HAOLIN_ID;
import static haolin.schema.Tables.HOUSEHOLD;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.RESIDENT_TAG;
import static haolin.schema.Tables.TAG;

/**
 * {@link ResidentRegistry#write} for many residents of one town at once, with the same meaning: a resident
 * known by ID number in the town is updated (moved, renamed, re-phoned), never duplicated; households are
 * found or created by stairwell and room; missing tags are added and none are ended. Planning reads what
 * exists and says what writing would do (a dry run stops there); applying writes it in a few statements:
 * lookup hashes computed once, COPY for new rows, one JDBC batch for changed ones. No scope and no audit:
 * the caller checked every stairwell and audits the batch as a whole.
 */
@Service
public class ResidentBatch {

    /** One resident to write into a stairwell the caller has already found and checked. */
    public record Placement(Area stairwell, NewResident resident) {
    }

    /** What writing one placement does; for residents already known, their id and current stairwell path. */
    public record Planned(Outcome outcome, Long residentId, String currentAreaPath) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ResidentBatch.class);
    private static final int LOOKUP_CHUNK = 25_000;
    private static final int WRITE_CHUNK = 10_000;
    private static final List<Field<?>> HOUSEHOLD_COLUMNS = List.of(HOUSEHOLD.ID, HOUSEHOLD.TOWN_ID,
            HOUSEHOLD.AREA_ID, HOUSEHOLD.AREA_PATH, HOUSEHOLD.ROOM);
    private static final List<Field<?>> RESIDENT_COLUMNS = List.of(RESIDENT.ID, RESIDENT.TOWN_ID, RESIDENT.AREA_ID,
            RESIDENT.AREA_PATH, RESIDENT.HOUSEHOLD_ID, RESIDENT.ROOM, RESIDENT.NAME, RESIDENT.SEX,
            RESIDENT.BIRTH_DATE, RESIDENT.ID_TYPE, RESIDENT.ID_NUMBER_ENC, RESIDENT.ID_NUMBER_HASH,
            RESIDENT.ID_NUMBER_MASKED, RESIDENT.ID_LAST4, RESIDENT.PHONE_ENC, RESIDENT.PHONE_HASH,
            RESIDENT.PHONE_MASKED, RESIDENT.PHONE_LAST4, RESIDENT.RESIDENCE_STATUS, RESIDENT.NOTES);
    private static final List<Field<?>> TAG_COLUMNS = List.of(RESIDENT_TAG.TOWN_ID, RESIDENT_TAG.AREA_ID,
            RESIDENT_TAG.AREA_PATH, RESIDENT_TAG.RESIDENT_ID, RESIDENT_TAG.TAG_ID, RESIDENT_TAG.SOURCE,
            RESIDENT_TAG.CREATED_BY, RESIDENT_TAG.CREATED_BY_NAME);

    private final DSLContext db;
    private final SensitiveData sensitive;

    ResidentBatch(DSLContext db, SensitiveData sensitive) {
        this.db = db;
        this.sensitive = sensitive;
    }

    /** Reads what exists for these residents (no two with the same ID number) and says what writing would do. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Plan plan(long townId, List<Placement> placements) {
        for (Placement p : placements) {
            if (!Objects.equals(p.stairwell().townId(), townId)) {
                throw new IllegalArgumentException("every stairwell of a batch lies in town " + townId);
            }
        }
        Plan plan = new Plan(townId, List.copyOf(placements));
        long start = System.nanoTime();
        plan.hash(sensitive);
        long hashed = System.nanoTime();
        plan.readExisting(db);
        long read = System.nanoTime();
        plan.decide(activeTagIds());
        log.debug("Planned {} residents: hashed {} ms, read existing {} ms", placements.size(),
                (hashed - start) / 1_000_000, (read - hashed) / 1_000_000);
        return plan;
    }

    /** Writes a plan made in this same transaction; progress hears how many placements are written so far. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(Plan plan, TagSource source, Long authorId, String authorName, IntConsumer progress) {
        long start = System.nanoTime();
        Map<String, Long> households = households(plan);
        List<Integer> created = plan.indexes(Outcome.CREATED);
        Long[] newIds = nextIds(created.size());
        for (int k = 0; k < created.size(); k++) {
            plan.residentIds[created.get(k)] = newIds[k];
        }
        long prepared = System.nanoTime();
        insertResidents(plan, created, households, progress);
        long inserted = System.nanoTime();
        updateResidents(plan, households, created.size(), progress);
        insertTags(plan, source, authorId, Objects.requireNonNullElse(authorName, "-"));
        progress.accept(plan.placements.size());
        log.debug("Applied {} residents: households and ids {} ms, new residents {} ms, updates and tags {} ms",
                plan.placements.size(), (prepared - start) / 1_000_000, (inserted - prepared) / 1_000_000,
                (System.nanoTime() - inserted) / 1_000_000);
    }

    /**
     * One COPY fed chunk by chunk: while PostgreSQL takes in a chunk, the next one is encrypted (on both cores)
     * and encoded, so the database and the JVM work at the same time.
     */
    private void insertResidents(Plan plan, List<Integer> created, Map<String, Long> households, IntConsumer progress) {
        CopyRows rows = new CopyRows(RESIDENT, RESIDENT_COLUMNS);
        List<List<Integer>> chunks = new ArrayList<>();
        for (int from = 0; from < created.size(); from += WRITE_CHUNK) {
            chunks.add(created.subList(from, Math.min(created.size(), from + WRITE_CHUNK)));
        }
        CompletableFuture<EncodedIdentity[]> next = chunks.isEmpty() ? null
                : CompletableFuture.supplyAsync(() -> encode(plan, chunks.getFirst()));
        int done = 0;
        long copying = 0;
        CopyRows.Stream copy = chunks.isEmpty() ? null : rows.stream(db);
        for (int c = 0; c < chunks.size(); c++) {
            List<Integer> chunk = chunks.get(c);
            EncodedIdentity[] identities = next.join();
            if (c + 1 < chunks.size()) {
                List<Integer> following = chunks.get(c + 1);
                next = CompletableFuture.supplyAsync(() -> encode(plan, following));
            }
            for (int k = 0; k < chunk.size(); k++) {
                int i = chunk.get(k);
                NewResident r = plan.resident(i);
                Area s = plan.stairwell(i);
                EncodedIdentity e = identities[k];
                rows.row(plan.residentIds[i], plan.townId, s.id(), s.path(), households.get(householdKey(s.id(), r.room())),
                        r.room(), r.name(), r.sex(), r.birthDate(), r.idType().name(), e.idNumberEnc(),
                        e.idNumberHash(), e.idNumberMasked(), e.idLast4(), e.phoneEnc(), e.phoneHash(),
                        e.phoneMasked(), e.phoneLast4(), r.status().name(), notes(r));
            }
            long start = System.nanoTime();
            copy.send();
            copying += System.nanoTime() - start;
            done += chunk.size();
            progress.accept(done);
        }
        if (copy != null) {
            long start = System.nanoTime();
            copy.end();
            copying += System.nanoTime() - start;
        }
        log.debug("Waited {} ms for PostgreSQL to take in {} new residents", copying / 1_000_000, created.size());
    }

    /** Encryption is the costly part of a new resident; the two cores share it. */
    private EncodedIdentity[] encode(Plan plan, List<Integer> chunk) {
        EncodedIdentity[] identities = new EncodedIdentity[chunk.size()];
        IntStream.range(0, chunk.size()).parallel().forEach(k -> {
            int i = chunk.get(k);
            NewResident r = plan.resident(i);
            identities[k] = EncodedIdentity.of(sensitive, r.idNumber(), plan.idHashes[i], r.phone(), plan.phoneHashes[i]);
        });
        return identities;
    }

    private void updateResidents(Plan plan, Map<String, Long> households, int done, IntConsumer progress) {
        BatchBindStep batch = db.batch(db.update(RESIDENT)
                .set(RESIDENT.AREA_ID, (Long) null).set(RESIDENT.AREA_PATH, (String) null)
                .set(RESIDENT.HOUSEHOLD_ID, (Long) null).set(RESIDENT.ROOM, (String) null)
                .set(RESIDENT.NAME, (String) null).set(RESIDENT.SEX, (String) null)
                .set(RESIDENT.BIRTH_DATE, (LocalDate) null).set(RESIDENT.ID_TYPE, (String) null)
                .set(RESIDENT.RESIDENCE_STATUS, (String) null).set(RESIDENT.NOTES, (String) null)
                .set(RESIDENT.PHONE_ENC, (byte[]) null).set(RESIDENT.PHONE_HASH, (byte[]) null)
                .set(RESIDENT.PHONE_MASKED, (String) null).set(RESIDENT.PHONE_LAST4, (String) null)
                .set(RESIDENT.VERSION, RESIDENT.VERSION.plus(DSL.inline(1)))
                .set(RESIDENT.UPDATED_AT, (OffsetDateTime) null)
                .where(RESIDENT.ID.eq((Long) null)));
        OffsetDateTime now = OffsetDateTime.now();
        int pending = 0;
        for (int i = 0; i < plan.placements.size(); i++) {
            Existing old = plan.existing[i];
            if (old == null || !plan.fieldsChanged[i]) {
                continue;
            }
            NewResident r = plan.resident(i);
            Area s = plan.stairwell(i);
            boolean phoneSame = Arrays.equals(old.phoneHash(), plan.phoneHashes[i]);
            EncodedIdentity phone = phoneSame || r.phone() == null ? null
                    : EncodedIdentity.of(sensitive, r.idNumber(), plan.idHashes[i], r.phone(), plan.phoneHashes[i]);
            batch.bind(s.id(), s.path(), households.get(householdKey(s.id(), r.room())), r.room(), r.name(), r.sex(),
                    r.birthDate(), r.idType().name(), r.status().name(), notes(r),
                    phoneSame ? old.phoneEnc() : phone == null ? null : phone.phoneEnc(),
                    phoneSame ? old.phoneHash() : phone == null ? null : phone.phoneHash(),
                    phoneSame ? old.phoneMasked() : phone == null ? null : phone.phoneMasked(),
                    phoneSame ? old.phoneLast4() : phone == null ? null : phone.phoneLast4(),
                    now, old.id());
            if (++pending == WRITE_CHUNK) {
                batch.execute();
                progress.accept(done += pending);
                pending = 0;
            }
        }
        if (pending > 0) {
            batch.execute();
        }
    }

    private void insertTags(Plan plan, TagSource source, Long authorId, String authorName) {
        CopyRows rows = new CopyRows(RESIDENT_TAG, TAG_COLUMNS);
        for (int i = 0; i < plan.placements.size(); i++) {
            Area s = plan.stairwell(i);
            for (Long tagId : plan.tagsToAdd.get(i)) {
                rows.row(plan.townId, s.id(), s.path(), plan.residentIds[i], tagId, source.name(), authorId, authorName);
            }
            if (rows.size() >= WRITE_CHUNK) {
                rows.copyInto(db);
            }
        }
        rows.copyInto(db);
    }

    /** Every household the plan needs, by stairwell and room: the existing ones, and new ones copied in. */
    private Map<String, Long> households(Plan plan) {
        Set<Long> stairwellIds = new HashSet<>();
        plan.placements.forEach(p -> stairwellIds.add(p.stairwell().id()));
        Map<String, Long> households = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(stairwellIds))) {
            db.select(HOUSEHOLD.ID, HOUSEHOLD.AREA_ID, HOUSEHOLD.ROOM).from(HOUSEHOLD)
                    .where(HOUSEHOLD.TOWN_ID.eq(plan.townId), HOUSEHOLD.AREA_ID.in(chunk))
                    .forEach(h -> households.put(householdKey(h.value2(), h.value3()), h.value1()));
        }
        Map<String, Placement> missing = new HashMap<>();
        for (Placement p : plan.placements) {
            String key = householdKey(p.stairwell().id(), p.resident().room());
            if (!households.containsKey(key)) {
                missing.putIfAbsent(key, p);
            }
        }
        Long[] ids = nextIds(missing.size());
        CopyRows rows = new CopyRows(HOUSEHOLD, HOUSEHOLD_COLUMNS);
        int k = 0;
        for (Map.Entry<String, Placement> m : missing.entrySet()) {
            Area s = m.getValue().stairwell();
            rows.row(ids[k], plan.townId, s.id(), s.path(), m.getValue().resident().room());
            households.put(m.getKey(), ids[k++]);
        }
        rows.copyInto(db);
        return households;
    }

    private Long[] nextIds(int count) {
        if (count == 0) {
            return new Long[0];
        }
        return db.select(HAOLIN_ID.nextval()).from(DSL.generateSeries(1, count)).fetchArray(0, Long.class);
    }

    private Map<String, Long> activeTagIds() {
        return db.select(TAG.CODE, TAG.ID).from(TAG).where(TAG.ACTIVE.isTrue()).fetchMap(TAG.CODE, TAG.ID);
    }

    private static String householdKey(long stairwellId, String room) {
        return stairwellId + "/" + room;
    }

    private static String notes(NewResident r) {
        return r.notes() == null || r.notes().isBlank() ? null : r.notes();
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK)));
        }
        return chunks;
    }

    /** A resident already registered, as far as deciding "changed or not" needs. */
    record Existing(long id, long areaId, String areaPath, String room, String name, String sex, LocalDate birthDate,
                    String idType, String status, String notes, byte[] phoneHash, byte[] phoneEnc,
                    String phoneMasked, String phoneLast4) {
    }

    /** What a batch will do, row by row, in the order given. Made by plan, used by apply, in one transaction. */
    public static final class Plan {

        private final long townId;
        private final List<Placement> placements;
        private final byte[][] idHashes;
        private final byte[][] phoneHashes;
        private final Existing[] existing;
        private final Long[] residentIds;
        private final boolean[] fieldsChanged;
        private final List<List<Long>> tagsToAdd = new ArrayList<>();
        private final List<Planned> planned = new ArrayList<>();
        private final Map<Long, Set<Long>> currentTags = new HashMap<>();

        private Plan(long townId, List<Placement> placements) {
            this.townId = townId;
            this.placements = placements;
            int n = placements.size();
            this.idHashes = new byte[n][];
            this.phoneHashes = new byte[n][];
            this.existing = new Existing[n];
            this.residentIds = new Long[n];
            this.fieldsChanged = new boolean[n];
        }

        public List<Planned> planned() {
            return List.copyOf(planned);
        }

        public long count(Outcome outcome) {
            return planned.stream().filter(p -> p.outcome() == outcome).count();
        }

        NewResident resident(int i) {
            return placements.get(i).resident();
        }

        Area stairwell(int i) {
            return placements.get(i).stairwell();
        }

        List<Integer> indexes(Outcome outcome) {
            return IntStream.range(0, planned.size()).filter(i -> planned.get(i).outcome() == outcome).boxed().toList();
        }

        private void hash(SensitiveData sensitive) {
            IntStream.range(0, placements.size()).parallel().forEach(i -> {
                NewResident r = resident(i);
                idHashes[i] = sensitive.lookupHash(r.idNumber());
                phoneHashes[i] = r.phone() == null || r.phone().isBlank() ? null : sensitive.lookupHash(r.phone());
            });
        }

        private void readExisting(DSLContext db) {
            Map<String, Integer> indexByHash = new HashMap<>();
            for (int i = 0; i < idHashes.length; i++) {
                if (indexByHash.put(HEX_KEY.formatHex(idHashes[i]), i) != null) {
                    throw new IllegalArgumentException("two residents of one batch share an ID number");
                }
            }
            for (List<byte[]> chunk : chunks(Arrays.asList(idHashes))) {
                db.select(RESIDENT.ID, RESIDENT.AREA_ID, RESIDENT.AREA_PATH, RESIDENT.ROOM, RESIDENT.NAME, RESIDENT.SEX,
                                RESIDENT.BIRTH_DATE, RESIDENT.ID_TYPE, RESIDENT.RESIDENCE_STATUS, RESIDENT.NOTES,
                                RESIDENT.PHONE_HASH, RESIDENT.PHONE_ENC, RESIDENT.PHONE_MASKED, RESIDENT.PHONE_LAST4,
                                RESIDENT.ID_NUMBER_HASH)
                        .from(RESIDENT)
                        .where(RESIDENT.TOWN_ID.eq(townId), RESIDENT.ID_NUMBER_HASH.eq(DSL.any(chunk.toArray(byte[][]::new))))
                        .forEach(r -> existing[indexByHash.get(HEX_KEY.formatHex(r.get(RESIDENT.ID_NUMBER_HASH)))] =
                                new Existing(r.get(RESIDENT.ID), r.get(RESIDENT.AREA_ID), r.get(RESIDENT.AREA_PATH),
                                        r.get(RESIDENT.ROOM), r.get(RESIDENT.NAME), r.get(RESIDENT.SEX),
                                        r.get(RESIDENT.BIRTH_DATE), r.get(RESIDENT.ID_TYPE),
                                        r.get(RESIDENT.RESIDENCE_STATUS), r.get(RESIDENT.NOTES),
                                        r.get(RESIDENT.PHONE_HASH), r.get(RESIDENT.PHONE_ENC),
                                        r.get(RESIDENT.PHONE_MASKED), r.get(RESIDENT.PHONE_LAST4)));
            }
            List<Long> known = Arrays.stream(existing).filter(Objects::nonNull).map(Existing::id).toList();
            OffsetDateTime now = OffsetDateTime.now();
            for (List<Long> chunk : chunks(known)) {
                db.select(RESIDENT_TAG.RESIDENT_ID, RESIDENT_TAG.TAG_ID).from(RESIDENT_TAG)
                        .where(RESIDENT_TAG.TOWN_ID.eq(townId), RESIDENT_TAG.RESIDENT_ID.in(chunk),
                                TagAssignments.current(now))
                        .forEach(t -> currentTags.computeIfAbsent(t.value1(), id -> new HashSet<>()).add(t.value2()));
            }
        }

        private void decide(Map<String, Long> tagIds) {
            for (int i = 0; i < placements.size(); i++) {
                NewResident r = resident(i);
                Existing old = existing[i];
                Set<Long> current = old == null ? Set.of() : currentTags.getOrDefault(old.id(), Set.of());
                List<Long> add = new ArrayList<>();
                for (String code : r.tagCodes()) {
                    Long tagId = tagIds.get(code);
                    if (tagId == null) {
                        throw DomainException.invalid("tag.unknown", code);
                    }
                    if (!current.contains(tagId)) {
                        add.add(tagId);
                    }
                }
                tagsToAdd.add(add);
                if (old == null) {
                    planned.add(new Planned(Outcome.CREATED, null, null));
                    continue;
                }
                residentIds[i] = old.id();
                fieldsChanged[i] = changed(old, stairwell(i), r, phoneHashes[i]);
                Outcome outcome = fieldsChanged[i] || !add.isEmpty() ? Outcome.UPDATED : Outcome.UNCHANGED;
                planned.add(new Planned(outcome, old.id(), old.areaPath()));
            }
        }

        private static boolean changed(Existing old, Area stairwell, NewResident r, byte[] phoneHash) {
            return old.areaId() != stairwell.id() || !Objects.equals(old.room(), r.room())
                    || !Objects.equals(old.name(), r.name()) || !Objects.equals(old.sex(), r.sex())
                    || !Objects.equals(old.birthDate(), r.birthDate()) || !Objects.equals(old.idType(), r.idType().name())
                    || !Objects.equals(old.status(), r.status().name()) || !Objects.equals(old.notes(), notes(r))
                    || !Arrays.equals(old.phoneHash(), phoneHash);
        }

        private static final java.util.HexFormat HEX_KEY = java.util.HexFormat.of();
    }
}
