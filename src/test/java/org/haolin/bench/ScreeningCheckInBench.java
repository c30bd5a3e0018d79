package org.haolin.bench;

import org.haolin.HaolinApplication;
import org.haolin.demo.DemoData;
import org.haolin.platform.PlannerStatistics;
import org.haolin.resident.PersonalCodes;
import org.haolin.screening.internal.ScanPartitions;
import org.haolin.screening.internal.ScanCommitter;
import org.jooq.DSLContext;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.AUDIT_EVENT;
import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.CAMPAIGN_EXPECTED;
import static haolin.schema.Tables.CAMPAIGN_POINT;
import static haolin.schema.Tables.CAMPAIGN_PROGRESS;
import static haolin.schema.Tables.PERSONAL_CODE;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.SCREENING_CHECKIN;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;

/**
 * The city-wide peak: many stations sending single scans at once. Makes sure the data dir holds a generated
 * city, plans an OPEN campaign over the first town (rows inserted directly: one point per compound, every
 * resident expected, everybody's personal code), starts Haolin, and then:
 * <ol>
 * <li>{@code --clients} concurrent clients ({@link ScanClients}, in a JVM of their own as stations are; each
 * its own HTTP/1.1 keep-alive connection with one request in flight) each POST single scans with fresh client ids
 * and real personal codes (10 samples per tube) for {@code --seconds}; acknowledged client ids are kept;</li>
 * <li>three back-to-back pairs of ({@code GET /api/v1/ping} for {@code --pair-seconds}, check-ins for as long)
 * and the median ratio of check-ins/s to pings/s, each phase with its CPU;</li>
 * <li>CPU during the main run from /proc: Haolin's JVM, the clients' JVM, the PostgreSQL processes of this
 * data dir (with those that ended meanwhile, such as autovacuum workers), and everything else on the
 * machine;</li>
 * <li>rows per acknowledged client id from the database: lost (acknowledged, no row) and duplicated (&gt;1 row).</li>
 * </ol>
 * <pre>
 * ./mvnw -q test-compile
 * ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.haolin.bench.ScreeningCheckInBench \
 *     -Dexec.args="--data-dir=/tmp/scan-bench --residents=200000 --seconds=30"
 * </pre>
 * Options: --residents (1000000), --port (18202), --clients (128), --seconds (300), --pair-seconds (10),
 * --warm-up (20 seconds of check-ins, after half as long of pings, before anything is timed), --days-before (0:
 * the days of a daily city-wide screening before this one, see {@link #earlierDays}).
 * The last line is {@code checkins_per_s=.. p99_ms=.. ratio_vs_trivial=.. lost=.. duplicated=..}.
 */
public final class ScreeningCheckInBench {

    private static final int TUBE_SIZE = 10;

    private ScreeningCheckInBench() {
    }

    record Campaign(long id, List<Long> points, List<String> codes) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        int residents = Integer.parseInt(o.getOrDefault("residents", "1000000"));
        String dataDir = o.getOrDefault("data-dir", "./data-bench-scan");
        int port = Integer.parseInt(o.getOrDefault("port", "18202"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "128"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "300"));
        int pairSeconds = Integer.parseInt(o.getOrDefault("pair-seconds", "10"));
        int warmUp = Integer.parseInt(o.getOrDefault("warm-up", "20"));
        int daysBefore = Integer.parseInt(o.getOrDefault("days-before", "0"));
        String last;
        try (ConfigurableApplicationContext haolin = new SpringApplication(HaolinApplication.class).run(
                "--server.port=" + port, "--haolin.data-dir=" + dataDir, "--haolin.demo.enabled=false",
                "--spring.main.banner-mode=off", "--logging.level.root=warn")) {
            DSLContext db = haolin.getBean(DSLContext.class);
            if (db.fetchCount(RESIDENT) < residents) {
                haolin.getBean(DemoData.class).generateCity(residents, residents, 20260428L);
            }
            String[] townAdmin = Files.readAllLines(haolin.getBean(DemoData.class).credentialsFile()).stream()
                    .map(l -> l.split("\t", -1)).filter(f -> f[2].equals("TOWN_ADMIN")).findFirst().orElseThrow();
            long townId = Long.parseLong(townAdmin[3]);
            String token = townAdmin[5];
            earlierDays(db, haolin.getBean(ScanPartitions.class), daysBefore);
            Campaign campaign = plan(db, haolin.getBean(PersonalCodes.class), haolin.getBean(ScanPartitions.class), townId);
            System.out.printf(Locale.ROOT, "campaign=%d points=%d codes=%d clients=%d%n", campaign.id(),
                    campaign.points().size(), campaign.codes().size(), clients);
            try (ScanClients.Remote load = new ScanClients.Remote(port, token, campaign.id(), campaign.points(),
                    campaign.codes(), clients)) {
                load.pings(warmUp / 2); // warm-up: the JIT compiles the request path before anything is timed
                load.checkIns(warmUp);
                Path data = Path.of(dataDir);
                long clientsPid = load.pid();
                ScanCommitter committer = haolin.getBean(ScanCommitter.class);
                String statsBefore = committer.stats();
                Cpu before = Cpu.now(data, clientsPid);
                ScanClients.Phase main = load.checkIns(seconds);
                Cpu after = Cpu.now(data, clientsPid);
                System.out.println(main.report("checkins"));
                System.out.println("writer before main run: " + statsBefore + "; after: " + committer.stats());
                System.out.println(after.minus(before));
                double[] ratios = new double[3];
                for (int pair = 0; pair < 3; pair++) {
                    Cpu pingsFrom = Cpu.now(data, clientsPid);
                    ScanClients.Phase ping = load.pings(pairSeconds);
                    Cpu scansFrom = Cpu.now(data, clientsPid);
                    ScanClients.Phase scans = load.checkIns(pairSeconds);
                    Cpu scansTo = Cpu.now(data, clientsPid);
                    ratios[pair] = scans.perSecond() / ping.perSecond();
                    System.out.println(ping.report("pair" + (pair + 1) + "_ping") + " " + scansFrom.minus(pingsFrom));
                    System.out.println(scans.report("pair" + (pair + 1) + "_checkins") + " " + scansTo.minus(scansFrom));
                }
                Arrays.sort(ratios);
                int[] lostAndDuplicated = verify(db, campaign.id(), load.acknowledged());
                last = String.format(Locale.ROOT,
                        "checkins_per_s=%.0f p99_ms=%.1f ratio_vs_trivial=%.2f lost=%d duplicated=%d",
                        main.perSecond(), main.p99(), ratios[1], lostAndDuplicated[0], lostAndDuplicated[1]);
            }
        }
        System.out.println(last);
        System.exit(0);
    }

    /**
     * The days of a daily city-wide screening before today's, as the scan table stands a week or more into an
     * emergency: for each, a closed campaign per town and every resident's first scan in the day's partition, each
     * scan with its audit row. Days already there are kept.
     */
    static void earlierDays(DSLContext db, ScanPartitions partitions, int days) {
        for (int i = 1; i <= days; i++) {
            LocalDate day = LocalDate.now().minusDays(i);
            if (db.fetchExists(CAMPAIGN, CAMPAIGN.CAMPAIGN_DAY.eq(day), CAMPAIGN.CREATED_BY_NAME.eq("bench"))) {
                continue;
            }
            partitions.prepare(day);
            OffsetDateTime nine = day.atTime(9, 0).atOffset(ZoneOffset.ofHours(8));
            db.insertInto(CAMPAIGN, CAMPAIGN.TOWN_ID, CAMPAIGN.AREA_ID, CAMPAIGN.AREA_PATH, CAMPAIGN.TYPE_CODE,
                            CAMPAIGN.NAME, CAMPAIGN.STARTS_AT, CAMPAIGN.ENDS_AT, CAMPAIGN.CAMPAIGN_DAY, CAMPAIGN.TUBE_SIZE,
                            CAMPAIGN.STATE, CAMPAIGN.CREATED_BY_NAME, CAMPAIGN.CREATED_AT)
                    .select(db.select(AREA.ID, AREA.ID, AREA.PATH, inline("NUCLEIC_ACID"), inline("全员核酸 " + day),
                            inline(nine.minusHours(3)), inline(nine.plusHours(11)), inline(day), inline(TUBE_SIZE),
                            inline("CLOSED"), inline("bench"), inline(nine.minusDays(1)))
                            .from(AREA).where(AREA.LEVEL.eq("TOWN")))
                    .execute();
            int scans = db.insertInto(SCREENING_CHECKIN, SCREENING_CHECKIN.TOWN_ID, SCREENING_CHECKIN.AREA_ID,
                            SCREENING_CHECKIN.AREA_PATH, SCREENING_CHECKIN.CAMPAIGN_ID, SCREENING_CHECKIN.CAMPAIGN_DAY,
                            SCREENING_CHECKIN.CLIENT_ID, SCREENING_CHECKIN.RESIDENT_ID, SCREENING_CHECKIN.POINT_ID,
                            SCREENING_CHECKIN.SCANNED_AT, SCREENING_CHECKIN.RECEIVED_AT, SCREENING_CHECKIN.SCANNED_BY)
                    .select(db.select(RESIDENT.TOWN_ID, RESIDENT.AREA_ID, RESIDENT.AREA_PATH, CAMPAIGN.ID, inline(day),
                                    field("gen_random_uuid()::text", String.class), RESIDENT.ID, inline(0L), inline(nine),
                                    inline(nine), inline(0L))
                            .from(RESIDENT).join(CAMPAIGN).on(CAMPAIGN.TOWN_ID.eq(RESIDENT.TOWN_ID),
                                    CAMPAIGN.CAMPAIGN_DAY.eq(day), CAMPAIGN.CREATED_BY_NAME.eq("bench")))
                    .execute();
            // and each scan's audit row, as the writer makes them
            db.insertInto(AUDIT_EVENT, AUDIT_EVENT.AT, AUDIT_EVENT.TOWN_ID, AUDIT_EVENT.ACCOUNT_ID, AUDIT_EVENT.USERNAME,
                            AUDIT_EVENT.ACTION, AUDIT_EVENT.OBJECT_TYPE, AUDIT_EVENT.OBJECT_ID, AUDIT_EVENT.AREA_PATH,
                            AUDIT_EVENT.RESULT, AUDIT_EVENT.DETAIL)
                    .select(db.select(SCREENING_CHECKIN.RECEIVED_AT, SCREENING_CHECKIN.TOWN_ID,
                                    SCREENING_CHECKIN.SCANNED_BY, inline("bench"), inline("SCREENING_SCAN"),
                                    inline("RESIDENT"), SCREENING_CHECKIN.RESIDENT_ID, SCREENING_CHECKIN.AREA_PATH,
                                    inline("OK"), inline("campaign ").concat(SCREENING_CHECKIN.CAMPAIGN_ID))
                            .from(SCREENING_CHECKIN).where(SCREENING_CHECKIN.CAMPAIGN_DAY.eq(day)))
                    .execute();
            System.out.printf(Locale.ROOT, "earlier_day=%s scans=%d (each audited)%n", day, scans);
        }
        if (days > 0) {
            // as the background vacuum would have by now
            db.execute("VACUUM (ANALYZE) screening_checkin, audit_event");
        }
    }

    /** An OPEN campaign over the whole town: one point per compound, all residents expected, everybody's code. */
    static Campaign plan(DSLContext db, PersonalCodes personalCodes, ScanPartitions partitions, long townId) {
        var town = db.selectFrom(AREA).where(AREA.ID.eq(townId)).fetchOne();
        OffsetDateTime now = OffsetDateTime.now();
        partitions.prepare(LocalDate.now()); // as the campaign planner does
        long campaign = db.insertInto(CAMPAIGN)
                .set(CAMPAIGN.TOWN_ID, townId).set(CAMPAIGN.AREA_ID, townId).set(CAMPAIGN.AREA_PATH, town.getPath())
                .set(CAMPAIGN.TYPE_CODE, "NUCLEIC_ACID").set(CAMPAIGN.NAME, "压测" + now.toEpochSecond())
                .set(CAMPAIGN.STARTS_AT, now.minusHours(1)).set(CAMPAIGN.ENDS_AT, now.plusHours(12))
                .set(CAMPAIGN.CAMPAIGN_DAY, LocalDate.now()).set(CAMPAIGN.TUBE_SIZE, TUBE_SIZE)
                .set(CAMPAIGN.STATE, "OPEN").set(CAMPAIGN.CREATED_BY_NAME, "bench").set(CAMPAIGN.CREATED_AT, now)
                .returning(CAMPAIGN.ID).fetchOne().getId();
        db.insertInto(CAMPAIGN_POINT, CAMPAIGN_POINT.TOWN_ID, CAMPAIGN_POINT.AREA_ID, CAMPAIGN_POINT.AREA_PATH,
                        CAMPAIGN_POINT.CAMPAIGN_ID, CAMPAIGN_POINT.NAME)
                .select(db.select(AREA.TOWN_ID, AREA.ID, AREA.PATH, inline(campaign), AREA.NAME.concat(inline("采样点")))
                        .from(AREA).where(AREA.TOWN_ID.eq(townId), AREA.LEVEL.eq("COMPOUND")))
                .onConflictDoNothing().execute();
        int expected = db.insertInto(CAMPAIGN_EXPECTED, CAMPAIGN_EXPECTED.TOWN_ID, CAMPAIGN_EXPECTED.AREA_ID,
                        CAMPAIGN_EXPECTED.AREA_PATH, CAMPAIGN_EXPECTED.CAMPAIGN_ID, CAMPAIGN_EXPECTED.RESIDENT_ID,
                        CAMPAIGN_EXPECTED.ROOM)
                .select(db.select(RESIDENT.TOWN_ID, RESIDENT.AREA_ID, RESIDENT.AREA_PATH, inline(campaign), RESIDENT.ID,
                        RESIDENT.ROOM).from(RESIDENT).where(RESIDENT.TOWN_ID.eq(townId)))
                .execute();
        db.insertInto(CAMPAIGN_PROGRESS, CAMPAIGN_PROGRESS.TOWN_ID, CAMPAIGN_PROGRESS.AREA_ID,
                        CAMPAIGN_PROGRESS.AREA_PATH, CAMPAIGN_PROGRESS.CAMPAIGN_ID, CAMPAIGN_PROGRESS.EXPECTED)
                .select(db.select(CAMPAIGN_EXPECTED.TOWN_ID, CAMPAIGN_EXPECTED.AREA_ID, CAMPAIGN_EXPECTED.AREA_PATH,
                                inline(campaign), count())
                        .from(CAMPAIGN_EXPECTED).where(CAMPAIGN_EXPECTED.CAMPAIGN_ID.eq(campaign))
                        .groupBy(CAMPAIGN_EXPECTED.TOWN_ID, CAMPAIGN_EXPECTED.AREA_ID, CAMPAIGN_EXPECTED.AREA_PATH))
                .execute();
        PlannerStatistics.afterBulkWrite(db, CAMPAIGN_EXPECTED, expected); // as the campaign planner does
        personalCodes.issueMissing(townId, "bench");
        List<String> codes = db.select(PERSONAL_CODE.ID).from(PERSONAL_CODE)
                .where(PERSONAL_CODE.TOWN_ID.eq(townId), PERSONAL_CODE.REVOKED_AT.isNull())
                .fetch(r -> personalCodes.text(r.value1()));
        List<Long> points = db.select(CAMPAIGN_POINT.ID).from(CAMPAIGN_POINT)
                .where(CAMPAIGN_POINT.CAMPAIGN_ID.eq(campaign)).fetch(r -> r.value1());
        return new Campaign(campaign, points, codes);
    }

    /** Acknowledged client ids against the rows: [lost, duplicated]. */
    private static int[] verify(DSLContext db, long campaignId, List<String> acknowledged) {
        Map<String, Integer> rows = new HashMap<>();
        db.select(SCREENING_CHECKIN.CLIENT_ID, count()).from(SCREENING_CHECKIN)
                .where(SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaignId)).groupBy(SCREENING_CHECKIN.CLIENT_ID)
                .forEach(r -> rows.put(r.value1(), r.value2()));
        int lost = 0;
        for (String clientId : acknowledged) {
            lost += rows.containsKey(clientId) ? 0 : 1;
        }
        int duplicated = (int) rows.values().stream().filter(n -> n > 1).count();
        System.out.printf(Locale.ROOT, "acknowledged=%d rows=%d%n", acknowledged.size(), rows.size());
        return new int[] {lost, duplicated};
    }

    /**
     * Busy jiffies from /proc: the machine, this JVM (Haolin), the clients' JVM, and the PostgreSQL server of this
     * data dir with its backends.
     */
    record Cpu(long machine, long haolin, long clients, long postgres, Set<Long> postgresPids) {

        static Cpu now(Path dataDir, long clientsPid) throws IOException {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length; i++) {
                if (i != 4 && i != 5) { // idle and iowait are not busy
                    busy += Long.parseLong(cpu[i]);
                }
            }
            long postmaster = postmaster(dataDir);
            Set<Long> pids = postmaster < 0 ? Set.of() : family(postmaster);
            // with the postmaster's children that ended (autovacuum workers come and go): their time is its own
            long pg = pids.stream().mapToLong(Cpu::jiffies).sum() + endedChildren(postmaster);
            return new Cpu(busy, jiffies(ProcessHandle.current().pid()), jiffies(clientsPid), pg, pids);
        }

        Object minus(Cpu before) {
            long machineDelta = machine - before.machine;
            long haolinDelta = haolin - before.haolin;
            long clientsDelta = clients - before.clients;
            long pgDelta = postgres - before.postgres;
            long others = machineDelta - haolinDelta - clientsDelta - pgDelta;
            return String.format(Locale.ROOT, "cpu_seconds machine_busy=%.1f haolin_jvm=%.1f clients_jvm=%.1f "
                            + "postgresql(this data dir, %d processes)=%.1f other_processes=%.1f",
                    machineDelta / 100.0, haolinDelta / 100.0, clientsDelta / 100.0, postgresPids.size(),
                    pgDelta / 100.0, others / 100.0);
        }

        private static long postmaster(Path dataDir) throws IOException {
            try (Stream<Path> files = Files.walk(dataDir, 4)) {
                return files.filter(p -> p.getFileName().toString().equals("postmaster.pid")).findFirst()
                        .map(p -> {
                            try {
                                return Long.parseLong(Files.readAllLines(p).getFirst().trim());
                            } catch (IOException e) {
                                return -1L;
                            }
                        }).orElse(-1L);
            }
        }

        /** The postmaster and its children (the backends, the writer, the WAL writer ...). */
        private static Set<Long> family(long postmaster) {
            return Stream.concat(Stream.of(postmaster), ProcessHandle.of(postmaster).stream()
                            .flatMap(ProcessHandle::children).map(ProcessHandle::pid))
                    .collect(Collectors.toSet());
        }

        /** utime + stime of a process (fields 14 and 15 of /proc/pid/stat), 0 if it is gone. */
        private static long jiffies(long pid) {
            return sum(pid, 11, 12);
        }

        /** cutime + cstime (fields 16 and 17): what the process's ended and reaped children took. */
        private static long endedChildren(long pid) {
            return pid < 0 ? 0 : sum(pid, 13, 14);
        }

        /** Two numeric fields of /proc/pid/stat, counted from the one after the command's name; 0 if it is gone. */
        private static long sum(long pid, int field, int other) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[field]) + Long.parseLong(f[other]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }
}
