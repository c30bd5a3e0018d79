package org.haolin.bench;

import org.haolin.HaolinApplication;
import org.haolin.access.Accounts;
import org.haolin.access.Grant;
import org.haolin.access.Role;
import org.haolin.access.HaolinUser;
import org.haolin.area.AreaLevel;
import org.haolin.demo.DemoData;
import org.haolin.screening.Campaign;
import org.haolin.screening.Campaigns;
import org.haolin.screening.NewCampaign;
import org.jooq.DSLContext;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.CAMPAIGN_EXPECTED;
import static haolin.schema.Tables.CAMPAIGN_POINT;
import static haolin.schema.Tables.CAMPAIGN_PROGRESS;
import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.SCREENING_CHECKIN;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

/**
 * Benchmark of a campaign's live pages with a million scans recorded: makes sure the data dir holds a generated
 * city, plans a campaign over every town (once; prints how long counting who is expected took), records scans
 * for nine in ten expected residents straight into the database plus repeat scans until the towns together hold
 * {@code checkins} scans, brings the stairwells' sampled counts in step as the scan path keeps them, then asks the
 * not-yet-sampled list of random buildings and the progress of random compounds with a bearer token and prints
 * count and percentiles in milliseconds (in the first town, whose logins are in the credentials file).
 * <pre>
 * ./mvnw -q test-compile
 * ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.haolin.bench.ScreeningProgressBench \
 *     -Dexec.args="--data-dir=/tmp/screening-bench --residents=1000000 --requests=2000 --concurrency=4"
 * </pre>
 * Options: --residents (generated city size, 1000000), --town-size (residents: one town), --checkins (1000000),
 * --port (18201), --requests (2000), --concurrency (4), --warm-up (300).
 */
public final class ScreeningProgressBench {

    private static final String NAME = "性能测试全员核酸";

    private ScreeningProgressBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        int residents = Integer.parseInt(o.getOrDefault("residents", "1000000"));
        int townSize = Integer.parseInt(o.getOrDefault("town-size", String.valueOf(residents)));
        int checkins = Integer.parseInt(o.getOrDefault("checkins", "1000000"));
        String dataDir = o.getOrDefault("data-dir", "./data-bench-screening");
        int port = Integer.parseInt(o.getOrDefault("port", "18201"));
        int requests = Integer.parseInt(o.getOrDefault("requests", "2000"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "4"));
        int warmUp = Integer.parseInt(o.getOrDefault("warm-up", "300"));
        int exit;
        try (ConfigurableApplicationContext haolin = new SpringApplication(HaolinApplication.class).run(
                "--server.port=" + port, "--haolin.data-dir=" + dataDir, "--haolin.demo.enabled=false",
                "--spring.main.banner-mode=off", "--logging.level.root=warn")) {
            DSLContext db = haolin.getBean(DSLContext.class);
            if (db.fetchCount(RESIDENT) < residents) {
                haolin.getBean(DemoData.class).generateCity(residents, townSize, 20260428L);
            }
            String[] townAdmin = Files.readAllLines(haolin.getBean(DemoData.class).credentialsFile()).stream()
                    .map(l -> l.split("\t", -1)).filter(f -> f[2].equals("TOWN_ADMIN")).findFirst().orElseThrow();
            long townId = Long.parseLong(townAdmin[3]);
            Accounts accounts = haolin.getBean(Accounts.class);
            HaolinUser admin = accounts.user(accounts.idOf(townAdmin[0]).orElseThrow()).orElseThrow();
            Campaigns campaigns = haolin.getBean(Campaigns.class);
            // the same campaign in every town of the city, scans recorded until the table holds the target
            List<Long> towns = areas(db, null, AreaLevel.TOWN);
            int perTown = (checkins + towns.size() - 1) / towns.size();
            Campaign campaign = null;
            for (long town : towns) {
                HaolinUser organiser = town == townId ? admin : townAdmin(accounts, db, town);
                Campaign planned = campaign(campaigns, db, organiser, town);
                recordScans(db, planned, organiser, perTown);
                campaign = town == townId ? planned : campaign;
            }
            // the statistics autovacuum gathers soon after bulk writes, gathered now
            db.execute("ANALYZE screening_checkin"); // the parent and each day's partition
            db.execute("ANALYZE campaign_expected");
            db.execute("ANALYZE campaign_progress");
            int scans = db.fetchCount(SCREENING_CHECKIN);
            String base = "http://localhost:" + port + "/api/v1/campaigns/" + campaign.id();
            List<Long> buildings = areas(db, townId, AreaLevel.BUILDING);
            List<Long> compounds = areas(db, townId, AreaLevel.COMPOUND);
            String token = townAdmin[5];
            Random random = new Random(11);
            long[] b = random.longs(requests + warmUp, 0, buildings.size()).map(i -> buildings.get((int) i)).toArray();
            long[] c = random.longs(requests + warmUp, 0, compounds.size()).map(i -> compounds.get((int) i)).toArray();
            LoadRun.run(warmUp, concurrency, i -> LoadRun.get(base + "/buildings/" + b[requests + i] + "/not-sampled", token));
            LoadRun.Result notSampled = LoadRun.run(requests, concurrency,
                    i -> LoadRun.get(base + "/buildings/" + b[i] + "/not-sampled", token));
            LoadRun.run(warmUp, concurrency, i -> LoadRun.get(base + "/progress?areaId=" + c[requests + i], token));
            LoadRun.Result progress = LoadRun.run(requests, concurrency,
                    i -> LoadRun.get(base + "/progress?areaId=" + c[i], token));
            System.out.println(report(notSampled, "building_not_sampled", campaign, scans, buildings.size(), concurrency));
            System.out.println(report(progress, "compound_progress", campaign, scans, compounds.size(), concurrency));
            exit = notSampled.errors() + progress.errors() == 0 ? 0 : 1;
        }
        System.exit(exit);
    }

    /** The bench campaign over the town: planned once (timed), opened; found again on later runs. */
    private static Campaign campaign(Campaigns campaigns, DSLContext db, HaolinUser admin, long townId) {
        var existing = db.select(CAMPAIGN.ID).from(CAMPAIGN).where(CAMPAIGN.TOWN_ID.eq(townId), CAMPAIGN.NAME.eq(NAME))
                .fetchOptional(CAMPAIGN.ID);
        if (existing.isPresent()) {
            return campaigns.list(admin).stream().filter(c -> c.id() == existing.get()).findFirst().orElseThrow();
        }
        OffsetDateTime start = OffsetDateTime.now().minusHours(1);
        long started = System.nanoTime();
        Campaign campaign = campaigns.plan(admin, new NewCampaign("NUCLEIC_ACID", NAME, townId, start,
                start.plusHours(12), null, List.of(new NewCampaign.NewPoint("测试点", null, townId, List.of()))));
        System.out.printf(Locale.ROOT, "plan expected=%d plan_ms=%.0f%n", campaign.expectedCount(),
                (System.nanoTime() - started) / 1e6);
        return campaigns.open(admin, campaign.id());
    }

    /**
     * Scans for nine in ten expected residents (those whose id does not end in 0 in base 10), then repeat scans
     * of the first ones until the target is reached; each stairwell's sampled count set as the scan path keeps it.
     */
    private static void recordScans(DSLContext db, Campaign campaign, HaolinUser admin, int target) {
        int existing = db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.TOWN_ID.eq(campaign.townId()),
                SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()));
        if (existing >= target) {
            return;
        }
        long started = System.nanoTime();
        long point = db.select(CAMPAIGN_POINT.ID).from(CAMPAIGN_POINT).where(CAMPAIGN_POINT.CAMPAIGN_ID.eq(campaign.id()))
                .fetchAny(CAMPAIGN_POINT.ID);
        OffsetDateTime now = OffsetDateTime.now();
        int first = insertScans(db, campaign, admin, point, now, false,
                CAMPAIGN_EXPECTED.RESIDENT_ID.mod(inline(10L)).ne(inline(0L)), target);
        insertScans(db, campaign, admin, point, now, true,
                CAMPAIGN_EXPECTED.RESIDENT_ID.mod(inline(10L)).ne(inline(0L)), target - first);
        var sampled = select(SCREENING_CHECKIN.AREA_ID, count().as("n")).from(SCREENING_CHECKIN)
                .where(SCREENING_CHECKIN.TOWN_ID.eq(campaign.townId()), SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id()),
                        SCREENING_CHECKIN.CAMPAIGN_DAY.eq(campaign.campaignDay()), SCREENING_CHECKIN.REPEAT.isFalse())
                .groupBy(SCREENING_CHECKIN.AREA_ID).asTable("sampled");
        db.update(CAMPAIGN_PROGRESS).set(CAMPAIGN_PROGRESS.SAMPLED, sampled.field("n", Integer.class))
                .from(sampled)
                .where(CAMPAIGN_PROGRESS.CAMPAIGN_ID.eq(campaign.id()),
                        CAMPAIGN_PROGRESS.AREA_ID.eq(sampled.field(SCREENING_CHECKIN.AREA_ID)))
                .execute();
        System.out.printf(Locale.ROOT, "scans town=%d inserted=%d scans_ms=%.0f%n", campaign.townId(),
                db.fetchCount(SCREENING_CHECKIN, SCREENING_CHECKIN.TOWN_ID.eq(campaign.townId()),
                        SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaign.id())) - existing, (System.nanoTime() - started) / 1e6);
    }

    private static int insertScans(DSLContext db, Campaign campaign, HaolinUser admin, long point, OffsetDateTime now,
                                   boolean repeat, org.jooq.Condition which, int limit) {
        if (limit <= 0) {
            return 0;
        }
        String prefix = repeat ? "bench-repeat-" : "bench-scan-";
        return db.insertInto(SCREENING_CHECKIN, SCREENING_CHECKIN.TOWN_ID, SCREENING_CHECKIN.AREA_ID,
                        SCREENING_CHECKIN.AREA_PATH, SCREENING_CHECKIN.CAMPAIGN_ID, SCREENING_CHECKIN.CAMPAIGN_DAY,
                        SCREENING_CHECKIN.CLIENT_ID, SCREENING_CHECKIN.RESIDENT_ID, SCREENING_CHECKIN.POINT_ID,
                        SCREENING_CHECKIN.SCANNED_AT, SCREENING_CHECKIN.RECEIVED_AT, SCREENING_CHECKIN.SCANNED_BY,
                        SCREENING_CHECKIN.REPEAT)
                .select(select(CAMPAIGN_EXPECTED.TOWN_ID, CAMPAIGN_EXPECTED.AREA_ID, CAMPAIGN_EXPECTED.AREA_PATH,
                        CAMPAIGN_EXPECTED.CAMPAIGN_ID, val(campaign.campaignDay()),
                        inline(prefix).concat(CAMPAIGN_EXPECTED.RESIDENT_ID), CAMPAIGN_EXPECTED.RESIDENT_ID,
                        val(point), val(now), val(now), val(admin.accountId()), val(repeat))
                        .from(CAMPAIGN_EXPECTED)
                        .where(CAMPAIGN_EXPECTED.TOWN_ID.eq(campaign.townId()),
                                CAMPAIGN_EXPECTED.CAMPAIGN_ID.eq(campaign.id()), which)
                        .orderBy(CAMPAIGN_EXPECTED.RESIDENT_ID).limit(limit))
                .onConflictDoNothing()
                .execute();
    }

    /** The areas of a level in the town (or in the whole city when townId is null). */
    private static List<Long> areas(DSLContext db, Long townId, AreaLevel level) {
        return db.select(AREA.ID).from(AREA)
                .where(townId == null ? AREA.LEVEL.eq(level.name()) : AREA.TOWN_ID.eq(townId).and(AREA.LEVEL.eq(level.name())))
                .orderBy(AREA.ID).fetch(AREA.ID);
    }

    /** A bench account administering the town (made once). */
    private static HaolinUser townAdmin(Accounts accounts, DSLContext db, long townId) {
        String username = "bench-admin-" + townId;
        long id = accounts.idOf(username).orElseGet(() -> {
            long made = accounts.create(username, "测试管理员" + townId, "bench-password-" + townId, false);
            String path = db.select(AREA.PATH).from(AREA).where(AREA.ID.eq(townId)).fetchSingle(AREA.PATH);
            accounts.assign(made, new Grant(Role.TOWN_ADMIN, townId, townId, path));
            return made;
        });
        return accounts.user(id).orElseThrow();
    }

    private static String report(LoadRun.Result result, String name, Campaign campaign, int scans, int places,
                                 int concurrency) {
        return String.format(Locale.ROOT, "%s requests=%d errors=%d expected=%d scans=%d places=%d concurrency=%d "
                        + "p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f", name, result.count(), result.errors(),
                campaign.expectedCount(), scans, places, concurrency, result.ms(0.50), result.ms(0.95), result.ms(0.99));
    }
}
