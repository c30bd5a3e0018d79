package org.haolin.screening.internal;

import haolin.schema.tables.Area;
import haolin.schema.tables.ScreeningCheckin;
import haolin.schema.tables.Tube;
import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.platform.FixedStatement;
import org.haolin.platform.Masking;
import org.haolin.platform.RowArrays;
import org.haolin.resident.PersonalCodes;
import org.haolin.screening.CampaignState;
import org.haolin.screening.Scan;
import org.haolin.screening.ScanOutcome;
import org.haolin.screening.ScanResult;
import org.haolin.screening.ScannedPerson;
import org.haolin.screening.TubeState;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.Set;
import java.util.TreeMap;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.AUDIT_EVENT;
import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.CAMPAIGN_EXPECTED;
import static haolin.schema.Tables.CAMPAIGN_PROGRESS;
import static haolin.schema.Tables.PERSONAL_CODE;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.SCREENING_CHECKIN;
import static haolin.schema.Tables.TUBE;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

/**
 * Everything the writer took from the queue, recorded in the caller's single transaction with a fixed number
 * of round trips whatever the batch size (each one, at a peak, costs more waiting than work): the campaigns, the
 * named residents (by id or by personal code) with where they are expected and their first check-in (for
 * repeats), and the tubes are read together, in one round trip (and stored check-ins of resent client ids when
 * a batch is decided again, see {@link DecideAgain}); then every write (new tubes, check-ins, tube counts, the
 * progress rollup and the audit) goes as one statement. Scans are decided in queue order, so the second scan of
 * a person in the same batch is a repeat and the eleventh sample for a 10-person tube finds it full. The
 * statements are rendered once ({@link Statements}); a batch only fills in their values.
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

    /** What a batch needs of a campaign its scans name. */
    private record BatchCampaign(long id, long townId, boolean open, int tubeSize, LocalDate day) {
    }

    /** A check-in already stored, with its tube as it is now. */
    private record Stored(long id, long campaignId, String clientId, long residentId, boolean repeat,
                          OffsetDateTime scannedAt, String tubeCode, Integer tubePeople, Integer tubeCapacity,
                          boolean tubeClosed) {
    }

    /** Where a resident is expected in a campaign: the stairwell whose progress a first sample counts in. */
    private record Expected(long townId, long areaId, String areaPath, boolean doorToDoor) {
    }

    /** A tube a batch opens: at the point of its first sample, by that sample's scanner. */
    private record NewTube(TubeSlot slot, ScanPoint point, long openedBy) {
    }

    /** First samples of expected people in one stairwell of a campaign. */
    private record StairwellSampled(long campaignId, long areaId, long townId, String areaPath, int sampled,
                                    int doorToDoorSampled) {
    }

    /** What the batch decided for one scan; a resent client id in the same batch shares the first's decision. */
    private static final class Decision {
        final PendingScans request;
        final Scan scan;
        final Decision sameAs;
        ScanResult result;
        BatchCampaign campaign;
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
    private final Statements statements;
    private final PersonalCodes codes;
    private final OffsetDateTime now;
    private final List<PendingScans> requests;
    /** The campaign day of every request (a batch reads and writes that day's partition alone). */
    private final LocalDate day;
    /** Whether the batch's client ids are looked up before deciding (else a resent one found decides it again). */
    private final boolean lookUpResent;

    private final Map<Long, BatchCampaign> campaigns = new HashMap<>();
    /** The values that narrow every read to the batch's campaigns, their towns and day (the right partition). */
    private final Map<String, Object> ofCampaigns = new HashMap<>();
    /** The signed codes' row ids by the text scanned, and the unrevoked ones' holders (resident ids). */
    private Map<String, Long> signed = Map.of();
    private final Map<Long, Long> holders = new HashMap<>();
    private final Map<Long, ScannedResident> residents = new HashMap<>();
    private final Map<ClientKey, ScanResult> originals = new HashMap<>();
    private final Map<ResidentKey, Earlier> earlier = new HashMap<>();
    private final Map<ResidentKey, Expected> expected = new HashMap<>();
    private final Map<TubeKey, TubeSlot> tubes = new LinkedHashMap<>();
    private final Map<ClientKey, Decision> seen = new HashMap<>();
    private final List<Decision> decisions = new ArrayList<>();
    private int written;

    ScanBatch(DSLContext db, Statements statements, PersonalCodes codes, OffsetDateTime now,
              List<PendingScans> requests, boolean lookUpResent) {
        this.db = db;
        this.statements = statements;
        this.codes = codes;
        this.now = now;
        this.requests = requests;
        this.lookUpResent = lookUpResent;
        this.day = requests.getFirst().day();
        if (requests.stream().anyMatch(r -> !r.day().equals(day))) {
            throw new IllegalArgumentException("A scan batch is one campaign day's: " + requests.stream()
                    .map(PendingScans::day).distinct().toList());
        }
    }

    /** Records the batch; answers each request's results in the order of its scans. */
    Map<PendingScans, List<ScanResult>> record() {
        load();
        for (PendingScans request : requests) {
            for (Scan scan : request.scans()) {
                decisions.add(decide(request, scan));
            }
        }
        if (!lookUpResent && decisions.stream().anyMatch(d -> !d.accepted() && d.sameAs == null)) {
            throw new DecideAgain("a refused scan may have been sent before");
        }
        write();
        Map<PendingScans, List<ScanResult>> answers = new IdentityHashMap<>(); // a request's hash would walk its scans
        for (Decision d : decisions) {
            answers.computeIfAbsent(d.request, r -> new ArrayList<>()).add(d.answer());
        }
        return answers;
    }

    /** The campaign day whose partition the batch reads and writes. */
    LocalDate day() {
        return day;
    }

    /** How many check-ins {@link #record()} wrote. */
    int written() {
        return written;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /**
     * The campaigns, the named residents and the tubes, read in one round trip (and the stored check-ins of
     * resent client ids, when the batch is decided again). The points give the campaigns' towns and day.
     */
    private void load() {
        Set<Long> campaignIds = new HashSet<>();
        Set<Long> towns = new HashSet<>();
        Set<String> codeTexts = new HashSet<>();
        Set<Long> residentIds = new HashSet<>();
        Set<String> tubeCodes = new HashSet<>();
        for (PendingScans request : requests) {
            campaignIds.add(request.campaignId());
            request.points().values().forEach(point -> towns.add(point.townId()));
            for (Scan scan : request.scans()) {
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
        ofCampaigns.put(CAMPAIGN_IDS, campaignIds.toArray(Long[]::new));
        ofCampaigns.put(TOWNS, towns.toArray(Long[]::new));
        ofCampaigns.put(DAY, day);
        signed = codes.signed(codeTexts);
        statements.reads.forEach(db, with(Map.of(RESIDENT_IDS, residentIds.toArray(Long[]::new),
                        CODE_IDS, signed.values().toArray(Long[]::new), TUBE_CODES, tubeCodes.toArray(String[]::new))),
                settings -> {
                },
                r -> {
                    BatchCampaign campaign = Statements.campaign(r);
                    campaigns.put(campaign.id(), campaign);
                },
                this::readResident,
                r -> {
                    TubeSlot slot = Statements.tube(r);
                    tubes.put(new TubeKey(slot.campaignId, slot.code), slot);
                });
        if (lookUpResent) {
            loadResent();
        }
    }

    /**
     * The stored check-ins of the batch's client ids (a batch decided again): their first sending's answer is
     * theirs again. A resent scan whose code was revoked since names a resident no code of the batch does.
     */
    private void loadResent() {
        if (campaigns.isEmpty()) {
            return;
        }
        Set<String> clientIds = new HashSet<>();
        requests.forEach(r -> r.scans().forEach(scan -> clientIds.add(scan.clientId())));
        List<Stored> rows = statements.stored.fetch(db, with(Map.of(CLIENT_IDS, clientIds.toArray(String[]::new))),
                Statements::stored);
        Set<Long> residentsOfResentOnly = new HashSet<>();
        rows.forEach(r -> residentsOfResentOnly.add(r.residentId()));
        residentsOfResentOnly.removeAll(residents.keySet());
        if (!residentsOfResentOnly.isEmpty()) {
            statements.residents.forEach(db, with(Map.of(RESIDENT_IDS, residentsOfResentOnly.toArray(Long[]::new),
                    CODE_IDS, new Long[0])), this::readResident);
        }
        rows.forEach(row -> originals.put(new ClientKey(row.campaignId(), row.clientId()), originalAnswer(row)));
    }

    /** The answer a resent scan gets: the one its first sending got (the tube as it is now). */
    private ScanResult originalAnswer(Stored row) {
        ScannedResident who = residents.get(row.residentId());
        TubeState tube = row.tubeCode() == null ? null
                : new TubeState(row.tubeCode(), row.tubePeople(), row.tubeCapacity(), row.tubeClosed());
        Earlier first = row.repeat() ? earlier.get(new ResidentKey(row.campaignId(), row.residentId())) : null;
        return new ScanResult(row.clientId(), row.repeat() ? ScanOutcome.REPEAT : ScanOutcome.RECORDED, row.id(),
                who == null ? null : who.shown(), tube, first == null ? null : first.at(),
                first == null ? null : first.tube());
    }

    /**
     * A resident the scans name, by id or by code (an unrevoked code's holder), with their stairwell and
     * building, where they are expected in one of the batch's campaigns, and their first check-in in it. People
     * go to any point of their town, so this reads across the whole campaign town: the scanner's right is checked
     * on the point, and the station only ever shows the masked name and the place. A valid code of someone
     * outside the campaign's towns is still a known code (its holder is just not found here).
     */
    private void readResident(ResultSet r) throws SQLException {
        long codeId = r.getLong(1);
        if (!r.wasNull()) {
            holders.put(codeId, r.getLong(2));
        }
        long id = r.getLong(3);
        if (r.wasNull()) {
            return; // a valid code of someone outside the campaigns' towns
        }
        long townId = r.getLong(4);
        if (!residents.containsKey(id)) {
            ScannedPerson shown = new ScannedPerson(Masking.name(r.getString(7)),
                    PersonNames.place(r.getString(10), r.getString(9), r.getString(8)));
            residents.put(id, new ScannedResident(id, townId, r.getLong(5), r.getString(6), shown));
        }
        long campaignId = r.getLong(11);
        if (!r.wasNull()) {
            expected.put(new ResidentKey(campaignId, id),
                    new Expected(townId, r.getLong(12), r.getString(13), r.getBoolean(14)));
        }
        long scannedIn = r.getLong(15);
        if (!r.wasNull()) {
            earlier.putIfAbsent(new ResidentKey(scannedIn, id),
                    new Earlier(r.getObject(16, OffsetDateTime.class), r.getString(17)));
        }
    }

    /** These values with those that narrow a read to the batch's campaigns. */
    private Map<String, Object> with(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(ofCampaigns);
        all.putAll(values);
        return all;
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
        BatchCampaign campaign = campaigns.get(request.campaignId());
        if (campaign == null || !campaign.open()) {
            return reject(d, ScanOutcome.CAMPAIGN_NOT_OPEN, null, null);
        }
        Long holder = scan.code() == null ? null : holders.get(signed.get(scan.code()));
        if (scan.code() != null && holder == null) {
            return reject(d, ScanOutcome.UNKNOWN_CODE, null, null);
        }
        ScannedResident who = residents.get(holder != null ? holder : scan.residentId());
        ScanPoint point = request.points().get(scan.pointId());
        if (who == null || who.townId() != campaign.townId()
                || (scan.residentId() != null && !who.areaPath().startsWith(point.areaPath()))) {
            // another town's code, or a resident id the station's search could not have offered here
            return reject(d, ScanOutcome.NOT_AT_THIS_POINT, null, null);
        }
        TubeSlot tube = null;
        if (scan.tubeCode() != null) {
            tube = tubes.computeIfAbsent(new TubeKey(campaign.id(), scan.tubeCode()), k -> new TubeSlot(null,
                    campaign.id(), point.id(), k.code(), campaign.tubeSize(), 0, false, true));
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
        ResidentKey person = new ResidentKey(campaign.id(), who.id());
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

    /**
     * Every write of the batch in one statement, so one round trip: the tubes it opens (with their counts as the
     * batch leaves them), the check-ins (a new tube's id taken from its insert), the other tubes' counts, +1
     * sampled (and door-to-door sampled) in the stairwell of each expected person sampled for the first time, and
     * one audit row per person shown at a station. A check-in the insert skips was stored meanwhile (resent, or
     * by another writer): the counts were written for it too, so the batch is decided again.
     */
    private void write() {
        List<Decision> accepted = decisions.stream().filter(Decision::accepted).toList();
        List<AuditTrail.Entry> shown = shown();
        if (accepted.isEmpty() && shown.isEmpty()) {
            return;
        }
        List<TubeSlot> counted = tubes.values().stream().filter(t -> t.touched && !t.isNew).toList();
        Map<ClientKey, Long> ids = new HashMap<>();
        statements.writes.forEach(db, RowArrays.values(newTubeRows(newTubes(), now), checkInRows(accepted, now),
                        tubeCountRows(counted, now), progressRows(sampled(accepted)), AuditTrail.rows(shown)),
                r -> ids.put(new ClientKey(r.getLong(2), r.getString(3)), r.getLong(1)));
        if (ids.size() < accepted.size()) {
            throw new DecideAgain("a scan of the batch was stored before or meanwhile");
        }
        for (Decision d : accepted) {
            d.result = new ScanResult(d.result.clientId(), d.result.outcome(),
                    ids.get(new ClientKey(d.campaign.id(), d.scan.clientId())), d.result.person(), d.result.tube(),
                    d.result.earlierAt(), d.result.earlierTube());
        }
        written = accepted.size();
    }

    /** The tubes the batch opens: at the point of their first sample, by that sample's scanner. */
    private List<NewTube> newTubes() {
        Map<TubeSlot, NewTube> fresh = new LinkedHashMap<>();
        for (Decision d : decisions) {
            if (d.tube != null && d.tube.isNew) {
                fresh.computeIfAbsent(d.tube, t -> new NewTube(t, d.request.points().get(t.pointId),
                        d.request.user().accountId()));
            }
        }
        return List.copyOf(fresh.values());
    }

    private static RowArrays<NewTube> newTubeRows(List<NewTube> tubes, OffsetDateTime now) {
        return new RowArrays<>(OPENED, tubes)
                .column(TUBE.TOWN_ID, t -> t.point().townId())
                .column(TUBE.AREA_ID, t -> t.point().areaId())
                .column(TUBE.AREA_PATH, t -> t.point().areaPath())
                .column(TUBE.CAMPAIGN_ID, t -> t.slot().campaignId)
                .column(TUBE.POINT_ID, t -> t.slot().pointId)
                .column(TUBE.CODE, t -> t.slot().code)
                .column(TUBE.CAPACITY, t -> t.slot().capacity)
                .column(TUBE.PEOPLE, t -> t.slot().people)
                .column(TUBE.OPENED_AT, t -> now)
                .column(TUBE.OPENED_BY, NewTube::openedBy)
                .column(TUBE.CLOSED_AT, t -> t.slot().closed ? now : null);
    }

    private static RowArrays<Decision> checkInRows(List<Decision> accepted, OffsetDateTime now) {
        return new RowArrays<>(accepted)
                .column(SCREENING_CHECKIN.TOWN_ID, d -> d.campaign.townId())
                .column(SCREENING_CHECKIN.AREA_ID, d -> d.resident.areaId())
                .column(SCREENING_CHECKIN.AREA_PATH, d -> d.resident.areaPath())
                .column(SCREENING_CHECKIN.CAMPAIGN_ID, d -> d.campaign.id())
                .column(SCREENING_CHECKIN.CAMPAIGN_DAY, d -> d.campaign.day())
                .column(SCREENING_CHECKIN.CLIENT_ID, d -> d.scan.clientId())
                .column(SCREENING_CHECKIN.RESIDENT_ID, d -> d.resident.id())
                .column(SCREENING_CHECKIN.POINT_ID, d -> d.scan.pointId())
                .column(SCREENING_CHECKIN.TUBE_ID, d -> d.tube == null ? null : d.tube.id)
                .column(SCREENING_CHECKIN.SCANNED_AT, d -> d.scan.scannedAt())
                .column(SCREENING_CHECKIN.RECEIVED_AT, d -> now)
                .column(SCREENING_CHECKIN.SCANNED_BY, d -> d.request.user().accountId())
                .column(SCREENING_CHECKIN.REPEAT, d -> d.earlier != null)
                // a new tube's code, by which the check-in finds the id its tube's insert gave it
                .column(TUBE.CODE, d -> d.tube == null || !d.tube.isNew ? null : d.tube.code);
    }

    private static RowArrays<TubeSlot> tubeCountRows(List<TubeSlot> touched, OffsetDateTime now) {
        return new RowArrays<>(touched)
                .column(TUBE.ID, t -> t.id)
                .column(TUBE.PEOPLE, t -> t.people)
                .column(TUBE.CLOSED_AT, t -> t.closed ? now : null);
    }

    /**
     * The stairwells' new first samples, in key order, so writers side by side never wait for each other in a
     * circle.
     */
    private List<StairwellSampled> sampled(List<Decision> accepted) {
        record Stairwell(long campaignId, long areaId) {
        }
        Map<Stairwell, StairwellSampled> counts = new TreeMap<>(Comparator.comparingLong(Stairwell::campaignId)
                .thenComparingLong(Stairwell::areaId));
        for (Decision d : accepted) {
            Expected where = d.earlier == null ? expected.get(new ResidentKey(d.campaign.id(), d.resident.id())) : null;
            if (where != null) {
                counts.merge(new Stairwell(d.campaign.id(), where.areaId()),
                        new StairwellSampled(d.campaign.id(), where.areaId(), where.townId(), where.areaPath(), 1,
                                where.doorToDoor() ? 1 : 0),
                        (a, b) -> new StairwellSampled(a.campaignId(), a.areaId(), a.townId(), a.areaPath(),
                                a.sampled() + b.sampled(), a.doorToDoorSampled() + b.doorToDoorSampled()));
            }
        }
        return List.copyOf(counts.values());
    }

    private static RowArrays<StairwellSampled> progressRows(List<StairwellSampled> sampled) {
        return new RowArrays<>(sampled)
                .column(CAMPAIGN_PROGRESS.TOWN_ID, StairwellSampled::townId)
                .column(CAMPAIGN_PROGRESS.AREA_ID, StairwellSampled::areaId)
                .column(CAMPAIGN_PROGRESS.AREA_PATH, StairwellSampled::areaPath)
                .column(CAMPAIGN_PROGRESS.CAMPAIGN_ID, StairwellSampled::campaignId)
                .column(CAMPAIGN_PROGRESS.SAMPLED, StairwellSampled::sampled)
                .column(CAMPAIGN_PROGRESS.DOOR_TO_DOOR_SAMPLED, StairwellSampled::doorToDoorSampled);
    }

    /** One audit row per person shown at a station (a resent scan in the same batch shows no one again). */
    private List<AuditTrail.Entry> shown() {
        List<AuditTrail.Entry> entries = new ArrayList<>();
        for (Decision d : decisions) {
            if (d.sameAs == null && d.resident != null) {
                entries.add(new AuditTrail.Entry(d.request.user(), AuditAction.SCREENING_SCAN,
                        AuditedObject.of("RESIDENT", d.resident.id(), d.resident.townId(), d.resident.areaPath()),
                        String.format(Locale.ROOT, "campaign %d", d.request.campaignId())));
            }
        }
        return entries;
    }

    // ---- statements ----------------------------------------------------------------------------------------

    private static final String CAMPAIGN_IDS = "campaign_ids";
    private static final String TOWNS = "towns";
    private static final String DAY = "day";
    private static final String CLIENT_IDS = "client_ids";
    private static final String RESIDENT_IDS = "resident_ids";
    private static final String CODE_IDS = "code_ids";
    private static final String TUBE_CODES = "tube_codes";
    /** The tubes a batch opens: their rows' parameters, and the name their insert's rows go by. */
    private static final String OPENED = "opened";

    /**
     * The batch's statements, built and rendered by jOOQ once ({@link FixedStatement}); each batch sends them
     * with its own values, whatever its size. Every read is narrowed to the batch's campaigns, their towns and
     * day, so PostgreSQL reads only the day's partition, through the right index.
     */
    static final class Statements {

        /** The transaction's settings, then the campaigns, the residents and the tubes, together. */
        final FixedStatement reads;
        /** The residents alone (those only resent scans name). */
        final FixedStatement residents;
        final FixedStatement stored;
        final FixedStatement writes;

        Statements(DSLContext db) {
            // an answer promises the scan is on disk, whatever the server's default (the embedded one turns it
            // off): set_config(.., true) is SET LOCAL, sent with the batch's reads instead of a round trip of its
            // own. The look-ups take arrays, so PostgreSQL would plan each afresh for every batch (as long as
            // running it, measured); planned once, they keep their plan. Every one of them reads and writes by
            // key, so a sequential scan is never right: planned while the day's tables are still small, the tube
            // counts' update chose one and kept it while the tubes grew to over a hundred thousand (measured).
            Query settings = select(field("set_config('synchronous_commit', 'on', true)"),
                    field("set_config('plan_cache_mode', 'force_generic_plan', true)"),
                    field("set_config('enable_seqscan', 'off', true)"));
            Query campaigns = select(CAMPAIGN.ID, CAMPAIGN.TOWN_ID, CAMPAIGN.STATE,
                    CAMPAIGN.TUBE_SIZE, CAMPAIGN.CAMPAIGN_DAY)
                    .from(CAMPAIGN).where(CAMPAIGN.ID.eq(any(array(CAMPAIGN_IDS, CAMPAIGN.ID))));
            Condition ofCampaigns = SCREENING_CHECKIN.TOWN_ID.eq(any(array(TOWNS, SCREENING_CHECKIN.TOWN_ID)))
                    .and(SCREENING_CHECKIN.CAMPAIGN_ID.eq(any(array(CAMPAIGN_IDS, SCREENING_CHECKIN.CAMPAIGN_ID))))
                    .and(SCREENING_CHECKIN.CAMPAIGN_DAY.eq(day()));
            stored = new FixedStatement(db, select(List.of(SCREENING_CHECKIN.ID, SCREENING_CHECKIN.CAMPAIGN_ID,
                    SCREENING_CHECKIN.CLIENT_ID, SCREENING_CHECKIN.RESIDENT_ID, SCREENING_CHECKIN.REPEAT,
                    SCREENING_CHECKIN.SCANNED_AT, TUBE.CODE, TUBE.PEOPLE, TUBE.CAPACITY, TUBE.CLOSED_AT))
                    .from(SCREENING_CHECKIN).leftJoin(TUBE).on(TUBE.ID.eq(SCREENING_CHECKIN.TUBE_ID))
                    .where(ofCampaigns.and(
                            SCREENING_CHECKIN.CLIENT_ID.eq(any(array(CLIENT_IDS, SCREENING_CHECKIN.CLIENT_ID))))));
            // the named: by code (its holder, if the code is not revoked) or by id
            Table<Record2<Long, Long>> named = PersonalCodes.unrevoked(array(CODE_IDS, PERSONAL_CODE.ID))
                    .unionAll(select(DSL.castNull(PERSONAL_CODE.ID), DSL.field("unnest({0})", RESIDENT.ID.getDataType(),
                            array(RESIDENT_IDS, RESIDENT.ID))))
                    .asTable("named", "code_id", "resident_id");
            Area stairwell = AREA.as("stairwell");
            Area building = AREA.as("building");
            ScreeningCheckin first = SCREENING_CHECKIN.as("first_scan");
            Tube firstTube = TUBE.as("first_tube");
            Query namedResidents = select(named.field(0), named.field(1), RESIDENT.ID, RESIDENT.TOWN_ID,
                    RESIDENT.AREA_ID, RESIDENT.AREA_PATH, RESIDENT.NAME, RESIDENT.ROOM, stairwell.NAME, building.NAME,
                    CAMPAIGN_EXPECTED.CAMPAIGN_ID, CAMPAIGN_EXPECTED.AREA_ID, CAMPAIGN_EXPECTED.AREA_PATH,
                    CAMPAIGN_EXPECTED.DOOR_TO_DOOR, first.CAMPAIGN_ID, first.SCANNED_AT, firstTube.CODE)
                    .from(named)
                    .leftJoin(RESIDENT
                            .join(stairwell).on(stairwell.ID.eq(RESIDENT.AREA_ID))
                            .join(building).on(building.ID.eq(stairwell.PARENT_ID)))
                    .on(RESIDENT.ID.eq(named.field(1, Long.class)),
                            RESIDENT.TOWN_ID.eq(any(array(TOWNS, RESIDENT.TOWN_ID))))
                    .leftJoin(CAMPAIGN_EXPECTED).on(CAMPAIGN_EXPECTED.TOWN_ID.eq(RESIDENT.TOWN_ID),
                            CAMPAIGN_EXPECTED.CAMPAIGN_ID.eq(any(array(CAMPAIGN_IDS, CAMPAIGN_EXPECTED.CAMPAIGN_ID))),
                            CAMPAIGN_EXPECTED.RESIDENT_ID.eq(RESIDENT.ID))
                    // each one's first check-in in the batch's campaigns (for repeats), found in the same read
                    .leftJoin(first.leftJoin(firstTube).on(firstTube.ID.eq(first.TUBE_ID)))
                    .on(first.TOWN_ID.eq(RESIDENT.TOWN_ID),
                            first.CAMPAIGN_ID.eq(any(array(CAMPAIGN_IDS, first.CAMPAIGN_ID))),
                            first.CAMPAIGN_DAY.eq(day()),
                            first.RESIDENT_ID.eq(RESIDENT.ID), first.REPEAT.eq(inline(false)));
            Query tubes = select(TUBE.ID, TUBE.CAMPAIGN_ID, TUBE.POINT_ID, TUBE.CODE,
                    TUBE.CAPACITY, TUBE.PEOPLE, TUBE.CLOSED_AT)
                    .from(TUBE)
                    .where(TUBE.TOWN_ID.eq(any(array(TOWNS, TUBE.TOWN_ID))),
                            TUBE.CAMPAIGN_ID.eq(any(array(CAMPAIGN_IDS, TUBE.CAMPAIGN_ID))),
                            TUBE.CODE.eq(any(array(TUBE_CODES, TUBE.CODE))))
                    .orderBy(TUBE.ID) // writers side by side lock shared tubes in one order
                    .forUpdate();
            // the settings go first, on their own, so that they hold for every read after them (the campaigns'
            // read too: planned afresh for every batch otherwise, 0.1 ms each, measured)
            reads = new FixedStatement(db, settings, campaigns, namedResidents, tubes);
            residents = new FixedStatement(db, namedResidents);
            Query openTubes = newTubeRows(List.of(), null).insertInto(db, TUBE)
                    .returning(TUBE.ID, TUBE.CAMPAIGN_ID, TUBE.CODE);
            // the check-ins with the ids their new tubes got (the tube code is given only for a new tube's)
            RowArrays<Decision> checkInRows = checkInRows(List.of(), null);
            List<TableField<?, ?>> checkInColumns = checkInRows.columns().stream()
                    .filter(c -> c.getTable().equals(SCREENING_CHECKIN)).toList();
            Query checkIns = db.insertInto(SCREENING_CHECKIN, checkInColumns)
                    .select(select(checkInColumns.stream().<Field<?>>map(c -> c.equals(SCREENING_CHECKIN.TUBE_ID)
                                    ? DSL.coalesce(RowArrays.given(SCREENING_CHECKIN.TUBE_ID), opened(TUBE.ID))
                                    : RowArrays.given(c)).toList())
                            .from(checkInRows.table())
                            .leftJoin(DSL.table(DSL.name(OPENED)))
                            .on(opened(TUBE.CAMPAIGN_ID).eq(RowArrays.given(SCREENING_CHECKIN.CAMPAIGN_ID)),
                                    opened(TUBE.CODE).eq(RowArrays.given(TUBE.CODE))))
                    .onConflictDoNothing()
                    .returning(SCREENING_CHECKIN.ID, SCREENING_CHECKIN.CAMPAIGN_ID, SCREENING_CHECKIN.CLIENT_ID);
            Query tubeCounts = db.update(TUBE)
                    .set(TUBE.PEOPLE, RowArrays.given(TUBE.PEOPLE))
                    .set(TUBE.CLOSED_AT, RowArrays.given(TUBE.CLOSED_AT))
                    .from(tubeCountRows(List.of(), null).table())
                    .where(TUBE.ID.eq(RowArrays.given(TUBE.ID)));
            Query progress = progressRows(List.of()).insertInto(db, CAMPAIGN_PROGRESS)
                    .onConflict(CAMPAIGN_PROGRESS.CAMPAIGN_ID, CAMPAIGN_PROGRESS.AREA_ID).doUpdate()
                    .set(CAMPAIGN_PROGRESS.SAMPLED, CAMPAIGN_PROGRESS.SAMPLED.plus(excluded(CAMPAIGN_PROGRESS.SAMPLED)))
                    .set(CAMPAIGN_PROGRESS.DOOR_TO_DOOR_SAMPLED, CAMPAIGN_PROGRESS.DOOR_TO_DOOR_SAMPLED
                            .plus(excluded(CAMPAIGN_PROGRESS.DOOR_TO_DOOR_SAMPLED)));
            Query audit = AuditTrail.rows(List.of()).insertInto(db, AUDIT_EVENT);
            writes = new FixedStatement(db, DSL.query("with " + OPENED + " as ({0}), tube_counts as ({1}), "
                    + "progress as ({2}), audit as ({3}) {4}", openTubes, tubeCounts, progress, audit, checkIns));
        }

        private static Stored stored(ResultSet r) throws SQLException {
            return new Stored(r.getLong(1), r.getLong(2), r.getString(3), r.getLong(4), r.getBoolean(5),
                    r.getObject(6, OffsetDateTime.class), r.getString(7), r.getObject(8, Integer.class),
                    r.getObject(9, Integer.class), r.getObject(10) != null);
        }

        private static BatchCampaign campaign(ResultSet r) throws SQLException {
            return new BatchCampaign(r.getLong(1), r.getLong(2), CampaignState.OPEN.name().equals(r.getString(3)),
                    r.getInt(4), r.getObject(5, LocalDate.class));
        }

        private static TubeSlot tube(ResultSet r) throws SQLException {
            return new TubeSlot(r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4), r.getInt(5), r.getInt(6),
                    r.getObject(7) != null, false);
        }

        /** A column of the tubes the write opens, as its first part returns them. */
        private static <T> Field<T> opened(TableField<?, T> column) {
            return DSL.field(DSL.name(OPENED, column.getName()), column.getDataType());
        }

        /**
         * The batch's day, one value: PostgreSQL leaves the other days' partitions out of a plan made once only for
         * a single day (given as an array, every day's partition was read for every person, measured).
         */
        private static Param<LocalDate> day() {
            return DSL.param(DAY, SCREENING_CHECKIN.CAMPAIGN_DAY.getDataType());
        }

        /** A parameter holding an array of the column's values. */
        private static <T> Param<T[]> array(String name, TableField<?, T> column) {
            return DSL.param(name, column.getDataType().getArrayDataType());
        }
    }
}
