package org.haolin.bench;

import org.haolin.HaolinApplication;
import org.haolin.access.Accounts;
import org.haolin.access.Grant;
import org.haolin.access.Role;
import org.haolin.demo.DemoData;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep12;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.PAIRING;
import static haolin.schema.Tables.RESIDENT;

/**
 * Benchmark of a helper's "my residents" and the staff's overdue list in a town with 20,000 pairings: makes
 * sure the data dir holds a generated town, pairs 20,000 of its residents with helpers (five each, bulk
 * inserted, due times spread from three days overdue to four days ahead), then asks both endpoints with bearer
 * tokens (helpers picked at random; the overdue list as the town administrator, i.e. the whole town) and prints
 * count and percentiles in milliseconds.
 * <pre>
 * ./mvnw -q test-compile
 * ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.haolin.bench.MyResidentsBench \
 *     -Dexec.args="--data-dir=/tmp/pairing-bench --requests=2000 --concurrency=4"
 * </pre>
 * Options: --residents (generated town size, 50000), --pairings (20000), --port (18191), --warm-up (500).
 */
public final class MyResidentsBench {

    private static final int PER_HELPER = 5;

    private MyResidentsBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        int residents = Integer.parseInt(o.getOrDefault("residents", "50000"));
        int pairings = Integer.parseInt(o.getOrDefault("pairings", "20000"));
        String dataDir = o.getOrDefault("data-dir", "./data-bench-pairing");
        int port = Integer.parseInt(o.getOrDefault("port", "18191"));
        int requests = Integer.parseInt(o.getOrDefault("requests", "2000"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "4"));
        int warmUp = Integer.parseInt(o.getOrDefault("warm-up", "500"));
        int exit;
        // cheap password hashing: the bench makes thousands of helper accounts
        try (ConfigurableApplicationContext haolin = new SpringApplication(HaolinApplication.class).run(
                "--server.port=" + port, "--haolin.data-dir=" + dataDir, "--haolin.demo.enabled=false",
                "--haolin.security.bcrypt-strength=4", "--spring.main.banner-mode=off", "--logging.level.root=warn")) {
            DSLContext db = haolin.getBean(DSLContext.class);
            if (db.fetchCount(RESIDENT) < residents) {
                haolin.getBean(DemoData.class).generateCity(residents, residents, 20260428L);
            }
            String[] townAdmin = Files.readAllLines(haolin.getBean(DemoData.class).credentialsFile()).stream()
                    .map(l -> l.split("\t", -1)).filter(f -> f[2].equals("TOWN_ADMIN")).findFirst().orElseThrow();
            long townId = Long.parseLong(townAdmin[3]);
            List<String> helperTokens = ensurePairings(haolin, db, townId, pairings);
            // what autovacuum does soon after bulk writes (statistics, visibility for index-only counts), done now
            db.execute("VACUUM ANALYZE pairing");
            String base = "http://localhost:" + port;
            List<String> adminToken = List.of(townAdmin[5]);
            int total = db.fetchCount(PAIRING, PAIRING.TOWN_ID.eq(townId), PAIRING.ENDED_AT.isNull());
            run(base + "/api/v1/my-residents", helperTokens, warmUp, concurrency);
            LoadRun.Result mine = run(base + "/api/v1/my-residents", helperTokens, requests, concurrency);
            run(base + "/api/v1/pairings/overdue", adminToken, warmUp, concurrency);
            LoadRun.Result overdue = run(base + "/api/v1/pairings/overdue", adminToken, requests, concurrency);
            System.out.println(report(mine, "my_residents", total, concurrency));
            System.out.println(report(overdue, "overdue", total, concurrency));
            exit = mine.errors() + overdue.errors() == 0 ? 0 : 1;
        }
        System.exit(exit);
    }

    /** Pairs the town's first residents with helpers made for the purpose (once); answers tokens of 200 helpers. */
    private static List<String> ensurePairings(ConfigurableApplicationContext haolin, DSLContext db, long townId,
                                               int pairings) {
        Accounts accounts = haolin.getBean(Accounts.class);
        String townPath = db.select(AREA.PATH).from(AREA).where(AREA.ID.eq(townId)).fetchOne().value1();
        int helpers = (pairings + PER_HELPER - 1) / PER_HELPER;
        List<Long> helperIds = new ArrayList<>();
        for (int h = 0; h < helpers; h++) {
            String username = "benchhelper" + townId + "x" + h;
            String name = "结对志愿者" + h;
            helperIds.add(accounts.idOf(username).orElseGet(() -> {
                long id = accounts.create(username, name, "bench helper password", false);
                accounts.assign(id, new Grant(Role.PARTY_MEMBER, townId, townId, townPath));
                return id;
            }));
        }
        if (db.fetchCount(PAIRING, PAIRING.TOWN_ID.eq(townId)) < pairings) {
            insertPairings(db, townId, pairings, helperIds);
        }
        Random random = new Random(42);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tokens.add(accounts.createToken(helperIds.get(random.nextInt(helperIds.size())), "bench"));
        }
        return tokens;
    }

    private static void insertPairings(DSLContext db, long townId, int pairings, List<Long> helperIds) {
        var rows = db.select(RESIDENT.ID, RESIDENT.AREA_ID, RESIDENT.AREA_PATH).from(RESIDENT)
                .where(RESIDENT.TOWN_ID.eq(townId)).orderBy(RESIDENT.ID).limit(pairings).fetch();
        OffsetDateTime now = OffsetDateTime.now();
        Random random = new Random(7);
        for (int from = 0; from < rows.size(); from += 1000) {
            InsertValuesStep12<?, Long, Long, String, Long, Long, String, OffsetDateTime, String, Integer,
                    OffsetDateTime, OffsetDateTime, String> insert = db.insertInto(PAIRING, PAIRING.TOWN_ID,
                    PAIRING.AREA_ID, PAIRING.AREA_PATH, PAIRING.RESIDENT_ID, PAIRING.HELPER_ID, PAIRING.HELPER_NAME,
                    PAIRING.STARTED_AT, PAIRING.STARTED_BY_NAME, PAIRING.FREQUENCY_DAYS, PAIRING.DUE_AT,
                    PAIRING.LAST_CHECK_IN_AT, PAIRING.LAST_CONDITION);
            for (int i = from; i < Math.min(rows.size(), from + 1000); i++) {
                var r = rows.get(i);
                OffsetDateTime last = now.minusMinutes(random.nextInt(7 * 24 * 60));
                insert = insert.values(townId, r.value2(), r.value3(), r.value1(), helperIds.get(i / PER_HELPER),
                        "结对志愿者" + i / PER_HELPER, now.minusDays(30), "bench", 3, last.plusDays(3), last, "FINE");
            }
            insert.onConflictDoNothing().execute();
        }
    }

    private static LoadRun.Result run(String url, List<String> tokens, int requests, int concurrency)
            throws InterruptedException {
        return LoadRun.run(requests, concurrency, i -> LoadRun.get(url, tokens.get(i % tokens.size())));
    }

    private static String report(LoadRun.Result result, String name, int pairings, int concurrency) {
        return String.format(Locale.ROOT, "%s requests=%d errors=%d pairings=%d concurrency=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f",
                name, result.count(), result.errors(), pairings, concurrency, result.ms(0.50), result.ms(0.95),
                result.ms(0.99));
    }
}
