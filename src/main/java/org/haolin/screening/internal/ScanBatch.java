package org.haolin.screening.internal;

import haolin.schema.tables.Area;
import haolin.schema.tables.records.CampaignRecord;
import haolin.schema.tables.records.TubeRecord;
import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.platform.Masking;
import org.haolin.platform.RowArrays;
import org.haolin.resident.PersonalCodes;
import org.haolin.resident.PersonalCodes.CodeHolder;
import org.haolin.screening.Scan;
import org.haolin.screening.ScanOutcome;
import org.haolin.screening.ScanResult;
import org.haolin.screening.ScannedPerson;
import org.haolin.screening.TubeState;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record10;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.CAMPAIGN_EXPECTED;
import static haolin.schema.Tables.CAMPAIGN_PROGRESS;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.SCREENING_CHECKIN;
import static haolin.schema.Tables.TUBE;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;

/**
 * Everything the writer took from the queue, recorded in the caller's single transaction with a fixed number
 * of round trips whatever the batch size (each one, at a peak, costs more waiting than work): campaigns, codes,
 * stored check-ins (for resent client ids and for repeats), residents with where they are expected, and tubes
 * are read once each; new tubes and the check-ins are written once each; then tube counts, the progress rollup
 * and the audit go together in one round trip. Scans are decided in queue order, so the second scan of a person
 * in the same batch is a repeat and the eleventh sample for a 10-person tube finds it full.
 */
final class ScanBatch {

    private record ClientKey(long campaignId, String clientId) {
    }

    private record ResidentKey(long campaignId, long residentId) {
    }

    private record TubeKey(long campaignId, String code) {
    }

    private record Earlier(OffsetDateTime at, String tube) {
    }

    /** Where a resident is expected in a campaign: the stairwell whose progress a first sample counts in. */
    private record Expected(long townId, long areaId, String areaPath, boolean doorToDoor) {
    }

    /** What the batch decided for one scan; a resent client id in the same batch shares the first's decision. */
    private static final class Decision {
        final PendingScans request;
        final Scan scan;
        final Decision sameAs;
        ScanResult result;
        CampaignRecord campaign;
        ScannedResident resident;
        TubeSlot tube;
        Earlier earlier;
        boolean admitted;

        Decision(PendingScans request, Scan scan, Decision sameAs) {
            this.request = request;
            this.scan = scan;
            this.sameAs = sameAs;
        }

        boolean accepted() {
            return admitted;
        }

        ScanResult answer() {
            return sameAs != null ? sameAs.answer() : result;
        }
    }

    private final DSLContext db;
    private final PersonalCodes codes;
    private final AuditTrail audit;
    private final OffsetDateTime now;
    private final List<PendingScans> requests;

    private Map<Long, CampaignRecord> campaigns = Map.of();
    /** The campaigns' ids and towns; their scans narrowed to those towns and days (the right partition and index). */
    private Long[] campaignIds = {};
    private Long[] campaignTowns = {};
    private Condition scansOfCampaigns = DSL.falseCondition();
    private Map<String, CodeHolder> holders = Map.of();
    private final Map<Long, ScannedResident> residents = new HashMap<>();
    private final Map<ClientKey, ScanResult> originals = new HashMap<>();
    private final Map<ResidentKey, Earlier> earlier = new HashMap<>();
    private final Map<ResidentKey, Expected> expected = new HashMap<>();
    private final Map<TubeKey, TubeSlot> tubes = new LinkedHashMap<>();
    private final Map<ClientKey, Decision> seen = new HashMap<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final Map<LocalDate, Integer> written = new HashMap<>();

    ScanBatch(DSLContext db, PersonalCodes codes, AuditTrail audit, OffsetDateTime now, List<PendingScans> requests) {
        this.db = db;
        this.codes = codes;
        this.audit = audit;
        this.now = now;
        this.requests = requests;
    }

    /** Records the batch; answers each request's results in the order of its scans. */
    Map<PendingScans, List<ScanResult>> record() {
        load();
        for (PendingScans request : requests) {
            for (Scan scan : request.scans()) {
                decisions.add(decide(request, scan));
            }
        }
        insertNewTubes();
        List<Decision> inserted = insertCheckIns();
        List<Query> counts = new ArrayList<>();
        tubeCounts().ifPresent(counts::add);
        progress(inserted).ifPresent(counts::add);
        counts.addAll(auditOfScans());
        if (!counts.isEmpty()) {
            db.batch(counts).execute();
        }
        Map<PendingScans, List<ScanResult>> answers = new IdentityHashMap<>(); // a request's hash would walk its scans
        for (Decision d : decisions) {
            answers.computeIfAbsent(d.request, r -> new ArrayList<>()).add(d.answer());
        }
        return answers;
    }

    /** The check-ins {@link #record()} wrote, by campaign day. */
    Map<LocalDate, Integer> written() {
        return written;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    private void load() {
        Set<Long> named = collect(PendingScans::campaignId);
        // an answer promises the scan is on disk, whatever the server's default (the embedded one turns it off):
        // set_config(.., true) is SET LOCAL, sent with the campaigns' read instead of a round trip of its own (a
        // batch whose campaigns are all unknown writes nothing); one WAL flush per batch is the price the group
        // commit pays once for hundreds of scans. The look-ups below take arrays, so PostgreSQL would plan each
        // afresh for every batch (as long as running it, measured); planned once, they keep their plan.
        campaigns = db.select(CAMPAIGN.asterisk(), field("set_config('synchronous_commit', 'on', true)"),
                        field("set_config('plan_cache_mode', 'force_generic_plan', true)"))
                .from(CAMPAIGN).where(CAMPAIGN.ID.eq(any(named.toArray(Long[]::new))))
                .fetchInto(CAMPAIGN).intoMap(CAMPAIGN.ID);
        campaignIds = campaigns.keySet().toArray(Long[]::new);
        campaignTowns = campaigns.values().stream().map(CampaignRecord::getTownId).distinct().toArray(Long[]::new);
        scansOfCampaigns = SCREENING_CHECKIN.TOWN_ID.eq(any(campaignTowns))
                .and(SCREENING_CHECKIN.CAMPAIGN_ID.eq(any(campaignIds)))
                .and(SCREENING_CHECKIN.CAMPAIGN_DAY.eq(any(campaigns.values().stream()
                        .map(CampaignRecord::getCampaignDay).distinct().toArray(LocalDate[]::new))));
        Set<String> codeTexts = new HashSet<>();
        Set<Long> residentIds = new HashSet<>();
        Set<String> clientIds = new HashSet<>();
        Set<String> tubeCodes = new HashSet<>();
        for (PendingScans request : requests) {
            for (Scan scan : request.scans()) {
                clientIds.add(scan.clientId());
                if (scan.code() != null) {
                    codeTexts.add(scan.code());
                }
                if (scan.residentId() != null) {
                    residentIds.add(scan.residentId());
                }
                if (scan.tubeCode() != null) {
                    tubeCodes.add(scan.tubeCode());
                }
            }
        }
        holders = codes.verifyAll(codeTexts);
        holders.values().forEach(h -> residentIds.add(h.residentId()));
        List<org.jooq.Record> originalRows = storedCheckIns(clientIds, residentIds);
        // a resent scan whose code was revoked since names a resident no code of this batch does
        Set<Long> residentsOfResentOnly = new HashSet<>();
        originalRows.forEach(r -> residentsOfResentOnly.add(r.get(SCREENING_CHECKIN.RESIDENT_ID)));
        residentsOfResentOnly.removeAll(residentIds);
        residentIds.addAll(residentsOfResentOnly);
        loadResidents(residentIds);
        if (!residentsOfResentOnly.isEmpty()) {
            storedCheckIns(Set.of(), residentsOfResentOnly);
        }
        for (var row : originalRows) {
            originals.put(new ClientKey(row.get(SCREENING_CHECKIN.CAMPAIGN_ID), row.get(SCREENING_CHECKIN.CLIENT_ID)),
                    originalAnswer(row));
        }
        loadTubes(tubeCodes);
    }

    /**
     * In one read, the stored check-ins of these client ids (returned: their first sending's answer is theirs
     * again) and each of these residents' first (non-repeat) check-in in the campaign (kept for repeats; there
     * is at most one per person, see {@link FirstScanTaken}).
     */
    private List<org.jooq.Record> storedCheckIns(Set<String> clientIds, Set<Long> residentIds) {
        if (campaigns.isEmpty() || (clientIds.isEmpty() && residentIds.isEmpty())) {
            return List.of();
        }
        List<org.jooq.Record> resent = new ArrayList<>();
        // two index look-ups in one statement (written as one OR they were planned worse: 9.5 against 6.5 ms a batch)
        db.fetch(storedWhere(SCREENING_CHECKIN.CLIENT_ID.eq(any(clientIds.toArray(String[]::new))))
                        .unionAll(storedWhere(SCREENING_CHECKIN.RESIDENT_ID.eq(any(residentIds.toArray(Long[]::new)))
                                .and(SCREENING_CHECKIN.REPEAT.isFalse()))))
                .forEach(r -> {
                    if (clientIds.contains(r.value3())) {
                        resent.add(r);
                    }
                    if (!r.value5()) {
                        earlier.putIfAbsent(new ResidentKey(r.value2(), r.value4()), new Earlier(r.value6(), r.value7()));
                    }
                });
        return resent;
    }

    private SelectConditionStep<Record10<Long, Long, String, Long, Boolean, OffsetDateTime, String, Integer, Integer,
            OffsetDateTime>> storedWhere(Condition condition) {
        return select(SCREENING_CHECKIN.ID, SCREENING_CHECKIN.CAMPAIGN_ID, SCREENING_CHECKIN.CLIENT_ID,
                SCREENING_CHECKIN.RESIDENT_ID, SCREENING_CHECKIN.REPEAT, SCREENING_CHECKIN.SCANNED_AT,
                TUBE.CODE, TUBE.PEOPLE, TUBE.CAPACITY, TUBE.CLOSED_AT)
                .from(SCREENING_CHECKIN).leftJoin(TUBE).on(TUBE.ID.eq(SCREENING_CHECKIN.TUBE_ID))
                .where(scansOfCampaigns, condition);
    }

    /** The answer a resent scan gets: the one its first sending got (the tube as it is now). */
    private ScanResult originalAnswer(org.jooq.Record row) {
        boolean repeat = row.get(SCREENING_CHECKIN.REPEAT);
        long campaignId = row.get(SCREENING_CHECKIN.CAMPAIGN_ID);
        ScannedResident who = residents.get(row.get(SCREENING_CHECKIN.RESIDENT_ID));
        TubeState tube = row.get(TUBE.CODE) == null ? null : new TubeState(row.get(TUBE.CODE),
                row.get(TUBE.PEOPLE), row.get(TUBE.CAPACITY), row.get(TUBE.CLOSED_AT) != null);
        Earlier first = repeat ? earlier.get(new ResidentKey(campaignId, row.get(SCREENING_CHECKIN.RESIDENT_ID))) : null;
        return new ScanResult(row.get(SCREENING_CHECKIN.CLIENT_ID), repeat ? ScanOutcome.REPEAT : ScanOutcome.RECORDED,
                row.get(SCREENING_CHECKIN.ID), who == null ? null : who.shown(), tube,
                first == null ? null : first.at(), first == null ? null : first.tube());
    }

    /**
     * The residents the scans name, with their stairwell and building, and where each is expected in the batch's
     * campaigns. People go to any point of their town, so this reads across the whole campaign town: the
     * scanner's right is checked on the point, and the station only ever shows the masked name and the place.
     */
    private void loadResidents(Set<Long> residentIds) {
        if (residentIds.isEmpty() || campaigns.isEmpty()) {
            return;
        }
        Area stairwell = AREA.as("stairwell");
        Area building = AREA.as("building");
        db.select(RESIDENT.ID, RESIDENT.TOWN_ID, RESIDENT.AREA_ID, RESIDENT.AREA_PATH, RESIDENT.NAME, RESIDENT.ROOM,
                        stairwell.NAME, building.NAME, CAMPAIGN_EXPECTED.CAMPAIGN_ID, CAMPAIGN_EXPECTED.AREA_ID,
                        CAMPAIGN_EXPECTED.AREA_PATH, CAMPAIGN_EXPECTED.DOOR_TO_DOOR)
                .from(RESIDENT)
                .join(stairwell).on(stairwell.ID.eq(RESIDENT.AREA_ID))
                .join(building).on(building.ID.eq(stairwell.PARENT_ID))
                .leftJoin(CAMPAIGN_EXPECTED).on(CAMPAIGN_EXPECTED.TOWN_ID.eq(RESIDENT.TOWN_ID),
                        CAMPAIGN_EXPECTED.CAMPAIGN_ID.eq(any(campaignIds)),
                        CAMPAIGN_EXPECTED.RESIDENT_ID.eq(RESIDENT.ID))
                .where(RESIDENT.ID.eq(any(residentIds.toArray(Long[]::new))),
                        RESIDENT.TOWN_ID.eq(any(campaignTowns)))
                .forEach(r -> {
                    residents.computeIfAbsent(r.value1(), id -> new ScannedResident(id, r.value2(), r.value3(),
                            r.value4(), new ScannedPerson(Masking.name(r.value5()),
                            PersonNames.place(r.value8(), r.value7(), r.value6()))));
                    if (r.value9() != null) {
                        expected.put(new ResidentKey(r.value9(), r.value1()),
                                new Expected(r.value2(), r.value10(), r.value11(), Boolean.TRUE.equals(r.value12())));
                    }
                });
    }

    /** The named tubes, locked: a hand closing or another writer waits for this batch (and this batch for them). */
    private void loadTubes(Set<String> tubeCodes) {
        if (tubeCodes.isEmpty() || campaigns.isEmpty()) {
            return;
        }
        for (TubeRecord t : db.selectFrom(TUBE)
                .where(TUBE.TOWN_ID.eq(any(campaignTowns)),
                        TUBE.CAMPAIGN_ID.eq(any(campaignIds)),
                        TUBE.CODE.eq(any(tubeCodes.toArray(String[]::new))))
                .orderBy(TUBE.ID) // writers side by side lock shared tubes in one order
                .forUpdate().fetch()) {
            tubes.put(new TubeKey(t.getCampaignId(), t.getCode()), new TubeSlot(t.getId(), t.getCampaignId(),
                    t.getPointId(), t.getCode(), t.getCapacity(), t.getPeople(), t.getClosedAt() != null, false));
        }
    }

    // ---- deciding ------------------------------------------------------------------------------------------

    private Decision decide(PendingScans request, Scan scan) {
        ClientKey key = new ClientKey(request.campaignId(), scan.clientId());
        Decision first = seen.get(key);
        if (first != null) {
            return new Decision(request, scan, first);
        }
        Decision d = new Decision(request, scan, null);
        seen.put(key, d);
        ScanResult original = originals.get(key);
        if (original != null) {
            d.result = original;
            return d;
        }
        CampaignRecord campaign = campaigns.get(request.campaignId());
        if (campaign == null || !"OPEN".equals(campaign.getState())) {
            return reject(d, ScanOutcome.CAMPAIGN_NOT_OPEN, null, null);
        }
        CodeHolder holder = scan.code() == null ? null : holders.get(scan.code());
        if (scan.code() != null && holder == null) {
            return reject(d, ScanOutcome.UNKNOWN_CODE, null, null);
        }
        ScannedResident who = residents.get(holder != null ? holder.residentId() : scan.residentId());
        ScanPoint point = request.points().get(scan.pointId());
        if (who == null || who.townId() != campaign.getTownId()
                || (scan.residentId() != null && !who.areaPath().startsWith(point.areaPath()))) {
            // another town's code, or a resident id the station's search could not have offered here
            return reject(d, ScanOutcome.NOT_AT_THIS_POINT, null, null);
        }
        TubeSlot tube = null;
        if (scan.tubeCode() != null) {
            tube = tubes.computeIfAbsent(new TubeKey(campaign.getId(), scan.tubeCode()), k -> new TubeSlot(null,
                    campaign.getId(), point.id(), k.code(), campaign.getTubeSize(), 0, false, true));
            if (tube.pointId != point.id()) {
                return reject(d, ScanOutcome.NOT_AT_THIS_POINT, who, null);
            }
            if (tube.full()) {
                return reject(d, ScanOutcome.TUBE_FULL, who, tube.state());
            }
            if (tube.closed) {
                return reject(d, ScanOutcome.TUBE_CLOSED, who, tube.state());
            }
            tube.add();
        }
        d.admitted = true;
        d.campaign = campaign;
        d.resident = who;
        d.tube = tube;
        ResidentKey person = new ResidentKey(campaign.getId(), who.id());
        d.earlier = earlier.get(person);
        if (d.earlier == null) {
            earlier.put(person, new Earlier(scan.scannedAt(), scan.tubeCode()));
        }
        // the tube as this sample left it (a later sample in the batch may fill it)
        d.result = new ScanResult(scan.clientId(), d.earlier == null ? ScanOutcome.RECORDED : ScanOutcome.REPEAT,
                null, who.shown(), tube == null ? null : tube.state(), d.earlier == null ? null : d.earlier.at(),
                d.earlier == null ? null : d.earlier.tube());
        return d;
    }

    private static Decision reject(Decision d, ScanOutcome outcome, ScannedResident who, TubeState tube) {
        d.resident = who;
        d.result = new ScanResult(d.scan.clientId(), outcome, null, who == null ? null : who.shown(), tube, null, null);
        return d;
    }

    // ---- writing -------------------------------------------------------------------------------------------

    private void insertNewTubes() {
        List<TubeSlot> fresh = tubes.values().stream().filter(t -> t.isNew).toList();
        if (fresh.isEmpty()) {
            return;
        }
        Map<Long, ScanPoint> points = new HashMap<>();
        Map<Long, Long> openers = new HashMap<>();
        for (Decision d : decisions) {
            if (d.tube != null && d.tube.isNew) {
                points.putIfAbsent(d.tube.pointId, d.request.points().get(d.tube.pointId));
                openers.putIfAbsent(d.tube.pointId, d.request.user().accountId());
            }
        }
        var insert = new RowArrays<>(fresh)
                .column(TUBE.TOWN_ID, t -> points.get(t.pointId).townId())
                .column(TUBE.AREA_ID, t -> points.get(t.pointId).areaId())
                .column(TUBE.AREA_PATH, t -> points.get(t.pointId).areaPath())
                .column(TUBE.CAMPAIGN_ID, t -> t.campaignId)
                .column(TUBE.POINT_ID, t -> t.pointId)
                .column(TUBE.CODE, t -> t.code)
                .column(TUBE.CAPACITY, t -> t.capacity)
                .column(TUBE.PEOPLE, t -> 0)
                .column(TUBE.OPENED_AT, t -> now)
                .column(TUBE.OPENED_BY, t -> openers.get(t.pointId))
                .insertInto(db, TUBE);
        Map<TubeKey, Long> ids = new HashMap<>();
        insert.returning(TUBE.ID, TUBE.CAMPAIGN_ID, TUBE.CODE).fetch()
                .forEach(r -> ids.put(new TubeKey(r.getCampaignId(), r.getCode()), r.getId()));
        fresh.forEach(t -> t.id = ids.get(new TubeKey(t.campaignId, t.code)));
    }

    /** One insert of all rows; a client id another writer stored meanwhile answers with that row instead. */
    private List<Decision> insertCheckIns() {
        List<Decision> accepted = decisions.stream().filter(Decision::accepted).toList();
        if (accepted.isEmpty()) {
            return List.of();
        }
        var insert = new RowArrays<>(accepted)
                .column(SCREENING_CHECKIN.TOWN_ID, d -> d.campaign.getTownId())
                .column(SCREENING_CHECKIN.AREA_ID, d -> d.resident.areaId())
                .column(SCREENING_CHECKIN.AREA_PATH, d -> d.resident.areaPath())
                .column(SCREENING_CHECKIN.CAMPAIGN_ID, d -> d.campaign.getId())
                .column(SCREENING_CHECKIN.CAMPAIGN_DAY, d -> d.campaign.getCampaignDay())
                .column(SCREENING_CHECKIN.CLIENT_ID, d -> d.scan.clientId())
                .column(SCREENING_CHECKIN.RESIDENT_ID, d -> d.resident.id())
                .column(SCREENING_CHECKIN.POINT_ID, d -> d.scan.pointId())
                .column(SCREENING_CHECKIN.TUBE_ID, d -> d.tube == null ? null : d.tube.id)
                .column(SCREENING_CHECKIN.SCANNED_AT, d -> d.scan.scannedAt())
                .column(SCREENING_CHECKIN.RECEIVED_AT, d -> now)
                .column(SCREENING_CHECKIN.SCANNED_BY, d -> d.request.user().accountId())
                .column(SCREENING_CHECKIN.REPEAT, d -> d.earlier != null)
                .insertInto(db, SCREENING_CHECKIN);
        Map<ClientKey, Long> ids = new HashMap<>();
        insert.onConflictDoNothing()
                .returning(SCREENING_CHECKIN.ID, SCREENING_CHECKIN.CAMPAIGN_ID, SCREENING_CHECKIN.CLIENT_ID).fetch()
                .forEach(r -> ids.put(new ClientKey(r.getCampaignId(), r.getClientId()), r.getId()));
        List<Decision> inserted = new ArrayList<>();
        List<Decision> conflicting = new ArrayList<>();
        for (Decision d : accepted) {
            Long id = ids.get(new ClientKey(d.campaign.getId(), d.scan.clientId()));
            if (id == null) {
                conflicting.add(d);
            } else {
                d.result = new ScanResult(d.result.clientId(), d.result.outcome(), id, d.result.person(),
                        d.result.tube(), d.result.earlierAt(), d.result.earlierTube());
                inserted.add(d);
                written.merge(d.campaign.getCampaignDay(), 1, Integer::sum);
            }
        }
        answerFromStoredRows(conflicting);
        return inserted;
    }

    /**
     * Rows another writer committed between our read and our insert: their answers, and our tube counts undone.
     * A scan whose client id is not among them collided on the person's first check-in instead: the whole batch
     * must be decided again ({@link FirstScanTaken}).
     */
    private void answerFromStoredRows(List<Decision> conflicting) {
        if (conflicting.isEmpty()) {
            return;
        }
        conflicting.forEach(d -> {
            if (d.tube != null) {
                d.tube.people--;
                d.tube.closed = d.tube.people >= d.tube.capacity;
            }
        });
        Map<ClientKey, ScanResult> stored = new HashMap<>();
        for (var row : storedCheckIns(conflicting.stream().map(d -> d.scan.clientId()).collect(HashSet::new,
                Set::add, Set::addAll), Set.of())) {
            stored.put(new ClientKey(row.get(SCREENING_CHECKIN.CAMPAIGN_ID), row.get(SCREENING_CHECKIN.CLIENT_ID)),
                    originalAnswer(row));
        }
        conflicting.forEach(d -> {
            d.result = stored.get(new ClientKey(d.campaign.getId(), d.scan.clientId()));
            d.admitted = false;
            if (d.result == null) {
                throw new FirstScanTaken();
            }
        });
    }

    /** The batch's tubes in one statement: how many people each holds now, and closed if full or closed by hand. */
    private Optional<Query> tubeCounts() {
        List<TubeSlot> touched = tubes.values().stream().filter(t -> t.touched && t.id != null).toList();
        if (touched.isEmpty()) {
            return Optional.empty();
        }
        Table<?> changes = new RowArrays<>(touched)
                .column(TUBE.ID, t -> t.id)
                .column(TUBE.PEOPLE, t -> t.people)
                .column(TUBE.CLOSED_AT, t -> t.closed ? now : null)
                .table();
        return Optional.of(db.update(TUBE)
                .set(TUBE.PEOPLE, RowArrays.given(TUBE.PEOPLE))
                .set(TUBE.CLOSED_AT, RowArrays.given(TUBE.CLOSED_AT))
                .from(changes)
                .where(TUBE.ID.eq(RowArrays.given(TUBE.ID))));
    }

    /** +1 sampled (and door-to-door sampled) in the stairwell of each expected person sampled for the first time. */
    private Optional<Query> progress(List<Decision> inserted) {
        record Stairwell(long campaignId, long areaId) {
        }
        record Counts(long townId, String areaPath, int[] sampled) {
        }
        // rows in one order, so writers side by side never wait for each other in a circle
        Map<Stairwell, Counts> counts = new TreeMap<>(Comparator.comparingLong(Stairwell::campaignId)
                .thenComparingLong(Stairwell::areaId));
        for (Decision d : inserted) {
            Expected where = d.earlier == null ? expected.get(new ResidentKey(d.campaign.getId(), d.resident.id())) : null;
            if (where != null) {
                int[] c = counts.computeIfAbsent(new Stairwell(d.campaign.getId(), where.areaId()),
                        k -> new Counts(where.townId(), where.areaPath(), new int[2])).sampled();
                c[0]++;
                c[1] += where.doorToDoor() ? 1 : 0;
            }
        }
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        var insert = new RowArrays<>(List.copyOf(counts.entrySet()))
                .column(CAMPAIGN_PROGRESS.TOWN_ID, e -> e.getValue().townId())
                .column(CAMPAIGN_PROGRESS.AREA_ID, e -> e.getKey().areaId())
                .column(CAMPAIGN_PROGRESS.AREA_PATH, e -> e.getValue().areaPath())
                .column(CAMPAIGN_PROGRESS.CAMPAIGN_ID, e -> e.getKey().campaignId())
                .column(CAMPAIGN_PROGRESS.SAMPLED, e -> e.getValue().sampled()[0])
                .column(CAMPAIGN_PROGRESS.DOOR_TO_DOOR_SAMPLED, e -> e.getValue().sampled()[1])
                .insertInto(db, CAMPAIGN_PROGRESS);
        return Optional.of(insert.onConflict(CAMPAIGN_PROGRESS.CAMPAIGN_ID, CAMPAIGN_PROGRESS.AREA_ID).doUpdate()
                .set(CAMPAIGN_PROGRESS.SAMPLED, CAMPAIGN_PROGRESS.SAMPLED.plus(excluded(CAMPAIGN_PROGRESS.SAMPLED)))
                .set(CAMPAIGN_PROGRESS.DOOR_TO_DOOR_SAMPLED,
                        CAMPAIGN_PROGRESS.DOOR_TO_DOOR_SAMPLED.plus(excluded(CAMPAIGN_PROGRESS.DOOR_TO_DOOR_SAMPLED))));
    }

    /** One audit row per person shown at a station, written per scanner and campaign (usually one insert). */
    private List<Query> auditOfScans() {
        record Who(HaolinUser user, long campaignId) {
        }
        Map<Who, List<AuditedObject>> objects = new LinkedHashMap<>();
        for (Decision d : decisions) {
            if (d.sameAs == null && d.resident != null) {
                objects.computeIfAbsent(new Who(d.request.user(), d.request.campaignId()), w -> new ArrayList<>())
                        .add(AuditedObject.of("RESIDENT", d.resident.id(), d.resident.townId(), d.resident.areaPath()));
            }
        }
        List<Query> records = new ArrayList<>();
        objects.forEach((who, list) -> records.add(audit.recording(who.user(), AuditAction.SCREENING_SCAN, list,
                String.format(Locale.ROOT, "campaign %d", who.campaignId()))));
        return records;
    }

    private <T> Set<T> collect(Function<PendingScans, T> of) {
        Set<T> values = new HashSet<>();
        requests.forEach(r -> values.add(Objects.requireNonNull(of.apply(r))));
        return values;
    }
}
