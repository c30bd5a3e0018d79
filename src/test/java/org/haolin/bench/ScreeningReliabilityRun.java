package org.haolin.bench;

import org.haolin.HaolinApplication;
import org.haolin.demo.DemoData;
import org.haolin.resident.PersonalCodes;
import org.haolin.screening.internal.ScanPartitions;
import org.jooq.DSLContext;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.SCREENING_CHECKIN;
import static org.jooq.impl.DSL.count;

/**
 * Crash test of the scan path: plans a campaign (in this JVM), starts Haolin as a child JVM, and has
 * {@code --devices} devices send single scans the way the station does (an unanswered scan is sent again with
 * the same client id until it is acknowledged). After {@code --kill-after} seconds it kills with SIGKILL either
 * the application ({@code --kill=app}) or the PostgreSQL postmaster ({@code --kill=postgres}, then the
 * application, which owns the embedded server), starts the application again, keeps the load on until
 * {@code --seconds}, stops it, and counts rows per acknowledged client id in the database (in this JVM again).
 * Last line: {@code kill=<app|postgres> acknowledged=<n> lost=<n> duplicated=<n>}. Run by
 * {@code scripts/screening-reliability.sh}.
 */
public final class ScreeningReliabilityRun {

    private ScreeningReliabilityRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        String kill = o.getOrDefault("kill", "app");
        Path dataDir = Path.of(o.getOrDefault("data-dir", "./data-reliability")).toAbsolutePath();
        int port = Integer.parseInt(o.getOrDefault("port", "18202"));
        int residents = Integer.parseInt(o.getOrDefault("residents", "20000"));
        int devices = Integer.parseInt(o.getOrDefault("devices", "32"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int killAfter = Integer.parseInt(o.getOrDefault("kill-after", "20"));

        String token;
        ScreeningCheckInBench.Campaign campaign;
        try (ConfigurableApplicationContext haolin = inProcess(dataDir)) {
            DSLContext db = haolin.getBean(DSLContext.class);
            if (db.fetchCount(RESIDENT) < residents) {
                haolin.getBean(DemoData.class).generateCity(residents, residents, 20260428L);
            }
            String[] admin = Files.readAllLines(haolin.getBean(DemoData.class).credentialsFile()).stream()
                    .map(l -> l.split("\t", -1)).filter(f -> f[2].equals("TOWN_ADMIN")).findFirst().orElseThrow();
            token = admin[5];
            campaign = ScreeningCheckInBench.plan(db, haolin.getBean(PersonalCodes.class),
                    haolin.getBean(ScanPartitions.class), Long.parseLong(admin[3]));
        }
        String base = "http://localhost:" + port;
        Process app = startApp(dataDir, port, base, token);
        Devices load = new Devices(base, token, campaign, devices, seconds);
        load.start();
        Thread.sleep(killAfter * 1000L);
        System.out.printf(Locale.ROOT, "killing %s after %d s, %d acknowledged so far%n", kill, killAfter,
                load.acknowledged.size());
        if (kill.equals("postgres")) {
            long postmaster = postmaster(dataDir);
            ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
            Thread.sleep(2000);
        }
        app.destroyForcibly();
        app.waitFor();
        waitForPostgresToGo(dataDir);
        app = startApp(dataDir, port, base, token);
        load.join();
        app.destroy(); // a clean stop now: the verification needs the data dir
        app.waitFor();
        waitForPostgresToGo(dataDir);

        int[] lostAndDuplicated;
        try (ConfigurableApplicationContext haolin = inProcess(dataDir)) {
            lostAndDuplicated = verify(haolin.getBean(DSLContext.class), campaign.id(), load.acknowledged);
        }
        System.out.printf(Locale.ROOT, "kill=%s acknowledged=%d errors_while_down=%d lost=%d duplicated=%d%n", kill,
                load.acknowledged.size(), load.failures.get(), lostAndDuplicated[0], lostAndDuplicated[1]);
        System.exit(lostAndDuplicated[0] + lostAndDuplicated[1] == 0 ? 0 : 1);
    }

    private static ConfigurableApplicationContext inProcess(Path dataDir) {
        return new SpringApplication(HaolinApplication.class).run("--server.port=0", "--haolin.data-dir=" + dataDir,
                "--haolin.demo.enabled=false", "--spring.main.banner-mode=off", "--logging.level.root=warn");
    }

    /** Haolin in its own JVM (the classpath this run was given), answered once ping works. */
    private static Process startApp(Path dataDir, int port, String base, String token) throws Exception {
        String classpath = Arrays.stream(((URLClassLoader) Thread.currentThread().getContextClassLoader()).getURLs())
                .map(ScreeningReliabilityRun::file).collect(Collectors.joining(File.pathSeparator));
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, HaolinApplication.class.getName(), "--server.port=" + port,
                "--haolin.data-dir=" + dataDir, "--haolin.demo.enabled=false", "--spring.main.banner-mode=off",
                "--logging.level.root=warn").inheritIO().start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ping"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    System.out.println("application up, pid " + app.pid());
                    return app;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Haolin did not start");
    }

    private static String file(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long postmaster(Path dataDir) throws Exception {
        Path pid = dataDir.resolve("pg").resolve("postmaster.pid");
        return Files.exists(pid) ? Long.parseLong(Files.readAllLines(pid).getFirst().trim()) : -1;
    }

    /** The embedded server stops once its application is gone; the next start needs the data dir free. */
    private static void waitForPostgresToGo(Path dataDir) throws Exception {
        for (int i = 0; i < 60; i++) {
            long pid = postmaster(dataDir);
            if (pid < 0 || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                return;
            }
            Thread.sleep(500);
        }
        ProcessHandle.of(postmaster(dataDir)).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static int[] verify(DSLContext db, long campaignId, ConcurrentLinkedQueue<String> acknowledged) {
        Map<String, Integer> rows = new HashMap<>();
        db.select(SCREENING_CHECKIN.CLIENT_ID, count()).from(SCREENING_CHECKIN)
                .where(SCREENING_CHECKIN.CAMPAIGN_ID.eq(campaignId)).groupBy(SCREENING_CHECKIN.CLIENT_ID)
                .forEach(r -> rows.put(r.value1(), r.value2()));
        int lost = (int) acknowledged.stream().filter(id -> !rows.containsKey(id)).count();
        int duplicated = (int) rows.values().stream().filter(n -> n > 1).count();
        return new int[] {lost, duplicated};
    }

    /** Devices like the station's: a scan not acknowledged is sent again, same client id, after a pause. */
    static final class Devices {
        final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        final AtomicInteger failures = new AtomicInteger();
        final List<Thread> threads = new ArrayList<>();
        final URI uri;
        final String token;
        final ScreeningCheckInBench.Campaign campaign;
        final int devices;
        final long end;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();

        Devices(String base, String token, ScreeningCheckInBench.Campaign campaign, int devices, int seconds) {
            this.uri = URI.create(base + "/api/v1/campaigns/" + campaign.id() + "/checkins");
            this.token = token;
            this.campaign = campaign;
            this.devices = devices;
            this.end = System.nanoTime() + seconds * 1_000_000_000L;
        }

        void start() {
            for (int d = 0; d < devices; d++) {
                long point = campaign.points().get(d % campaign.points().size());
                threads.add(Thread.ofPlatform().start(() -> device(point)));
            }
        }

        void join() throws InterruptedException {
            for (Thread t : threads) {
                t.join();
            }
        }

        private void device(long point) {
            while (System.nanoTime() < end) {
                String clientId = UUID.randomUUID().toString();
                String code = campaign.codes().get(ThreadLocalRandom.current().nextInt(campaign.codes().size()));
                String body = "{\"clientId\":\"" + clientId + "\",\"pointId\":" + point + ",\"code\":\"" + code
                        + "\",\"scannedAt\":\"" + OffsetDateTime.now() + "\"}";
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 200 && Stream.of("\"RECORDED\"", "\"REPEAT\"")
                                .anyMatch(answer.body()::contains)) {
                            acknowledged.add(clientId);
                            break;
                        }
                    } catch (Exception down) {
                        // the application or its database is down: keep the scan, try again shortly
                    }
                    failures.incrementAndGet();
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }
}
