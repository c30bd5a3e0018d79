package org.haolin.bench;

import org.haolin.HaolinApplication;
import org.haolin.area.AreaLevel;
import org.haolin.demo.CityFigures;
import org.haolin.demo.DemoData;
import org.jooq.DSLContext;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.RESIDENT;

/**
 * Benchmark of the stairwell list (一楼道一名单) API with a city-scale data set: makes sure the data dir holds
 * at least the wanted number of residents (generating them the first time), starts Haolin on a port, then
 * asks for many different stairwells' rosters with a bearer token, several requests at a time, and prints
 * count, p50, p95, p99 and max in milliseconds.
 * <pre>
 * ./mvnw -q test-compile
 * ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.haolin.bench.StairwellRosterBench \
 *     -Dexec.args="--residents=1000000 --data-dir=./data-bench --requests=5000 --concurrency=4"
 * </pre>
 * (Two commands: with -Dexec.args on a build that runs generate-sources, the jOOQ code generation step would
 * take those arguments as its own.) Options: --port (18081), --warm-up (1000 requests, not counted).
 */
public final class StairwellRosterBench {

    private StairwellRosterBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        int residents = Integer.parseInt(o.getOrDefault("residents", "1000000"));
        String dataDir = o.getOrDefault("data-dir", "./data-bench");
        int port = Integer.parseInt(o.getOrDefault("port", "18081"));
        int requests = Integer.parseInt(o.getOrDefault("requests", "5000"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "4"));
        int warmUp = Integer.parseInt(o.getOrDefault("warm-up", "1000"));
        SpringApplication app = new SpringApplication(HaolinApplication.class);
        int exit;
        try (ConfigurableApplicationContext haolin = app.run("--server.port=" + port, "--haolin.data-dir=" + dataDir,
                "--haolin.demo.enabled=false", "--spring.main.banner-mode=off", "--logging.level.root=warn")) {
            ensureResidents(haolin, residents);
            String[] townAdmin = townAdmin(haolin.getBean(DemoData.class).credentialsFile());
            List<Long> stairwells = stairwells(haolin.getBean(DSLContext.class), Long.parseLong(townAdmin[3]));
            String base = "http://localhost:" + port + "/api/v1/stairwells/";
            run(base, townAdmin[5], stairwells, warmUp, concurrency);
            long started = System.nanoTime();
            LoadRun.Result result = run(base, townAdmin[5], stairwells, requests, concurrency);
            double seconds = (System.nanoTime() - started) / 1e9;
            long loaded = haolin.getBean(DSLContext.class).fetchCount(RESIDENT);
            System.out.println(report(result, loaded, stairwells.size(), concurrency, seconds));
            exit = result.errors() == 0 ? 0 : 1;
        }
        System.exit(exit);
    }

    private static void ensureResidents(ConfigurableApplicationContext haolin, int residents) {
        int loaded = haolin.getBean(DSLContext.class).fetchCount(RESIDENT);
        if (loaded < residents) {
            System.out.printf(Locale.ROOT, "%d residents loaded, %d wanted: generating the city first%n", loaded, residents);
            CityFigures figures = haolin.getBean(DemoData.class).generateCity(residents, 50_000, 20260428L);
            System.out.printf(Locale.ROOT, "Generated %d residents, %d rows in %.1f s%n", figures.residents(),
                    figures.rows(), figures.loadSeconds());
        }
    }

    /** The town administrator's row of demo-credentials.tsv: scope (the town) and API token. */
    private static String[] townAdmin(Path credentials) throws Exception {
        return Files.readAllLines(credentials).stream().map(l -> l.split("\t", -1))
                .filter(f -> f[2].equals("TOWN_ADMIN")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no TOWN_ADMIN in " + credentials));
    }

    private static List<Long> stairwells(DSLContext db, long townId) {
        List<Long> ids = new ArrayList<>(db.select(AREA.ID).from(AREA)
                .where(AREA.TOWN_ID.eq(townId), AREA.LEVEL.eq(AreaLevel.STAIRWELL.name())).fetch(AREA.ID));
        Collections.shuffle(ids, new Random(42));
        return ids;
    }

    private static LoadRun.Result run(String base, String token, List<Long> stairwells, int requests,
                                      int concurrency) throws InterruptedException {
        return LoadRun.run(requests, concurrency,
                i -> LoadRun.get(base + stairwells.get(i % stairwells.size()) + "/roster", token));
    }

    private static String report(LoadRun.Result result, long residents, int stairwells, int concurrency,
                                 double seconds) {
        return String.format(Locale.ROOT, "Stairwell list GET /api/v1/stairwells/{id}/roster with %d residents loaded, "
                        + "%d stairwells of the town, %d concurrent: count %d, errors %d, p50 %.1f ms, p95 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms, %.0f requests/s",
                residents, stairwells, concurrency, result.count(), result.errors(), result.ms(0.50), result.ms(0.95),
                result.ms(0.99), result.maxMs(), result.count() / seconds);
    }
}
