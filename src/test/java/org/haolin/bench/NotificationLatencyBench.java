package org.haolin.bench;

import org.haolin.HaolinApplication;
import org.haolin.access.Accounts;
import org.haolin.access.Grant;
import org.haolin.access.Role;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.resident.IdType;
import org.haolin.resident.MainlandIdNumber;
import org.haolin.resident.NewResident;
import org.haolin.resident.ResidenceStatus;
import org.haolin.resident.ResidentRegistry;
import org.haolin.resident.TagSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a key-group tag takes to reach the building leader's inbox. Starts Haolin on a port with a data
 * dir, builds a town with one stairwell, a building leader and an epidemic-office account (each with an API
 * token), then N times: puts a key-group tag on another resident of the stairwell through the resident tag
 * API (as the office) and polls the leader's unread count until it has grown. The time runs from sending
 * the tag to the leader seeing it. Prints one line: notify_latency samples=… p50_ms=… p95_ms=… max_ms=…
 * <pre>
 * ./mvnw -q test-compile
 * ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.haolin.bench.NotificationLatencyBench \
 *     -Dexec.args="--port=8182 --data-dir=/tmp/notify-data --samples=50"
 * </pre>
 * Options: --poll-ms (5): how often the leader asks; --tag (DISCHARGED_FROM_HOSPITAL).
 */
public final class NotificationLatencyBench {

    private static final Pattern UNREAD = Pattern.compile("\"unread\"\\s*:\\s*(\\d+)");
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private NotificationLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int port = Integer.parseInt(o.getOrDefault("port", "8182"));
        String dataDir = o.getOrDefault("data-dir", "/tmp/notify-data");
        int samples = Integer.parseInt(o.getOrDefault("samples", "50"));
        long pollMs = Long.parseLong(o.getOrDefault("poll-ms", "5"));
        String tag = o.getOrDefault("tag", "DISCHARGED_FROM_HOSPITAL");
        SpringApplication app = new SpringApplication(HaolinApplication.class);
        int exit;
        try (ConfigurableApplicationContext haolin = app.run("--server.port=" + port, "--haolin.data-dir=" + dataDir,
                "--haolin.demo.enabled=false", "--spring.main.banner-mode=off", "--logging.level.root=warn")) {
            Setup setup = Setup.make(haolin, samples);
            Client client = new Client("http://localhost:" + port);
            long[] nanos = new long[samples];
            for (int i = 0; i < samples; i++) {
                nanos[i] = oneTag(client, setup, setup.residents.get(i), tag, i + 1, pollMs);
            }
            System.out.println(report(nanos));
            exit = Arrays.stream(nanos).allMatch(n -> n > 0) ? 0 : 1;
        }
        System.exit(exit);
    }

    /** Nanoseconds from sending the tag until the leader's unread count reaches the expected one (-1: never). */
    private static long oneTag(Client client, Setup setup, long resident, String tag, int expected, long pollMs)
            throws Exception {
        long started = System.nanoTime();
        int status = client.post("/api/v1/residents/" + resident + "/tags", setup.officeToken, "{\"tag\":\"" + tag + "\"}");
        if (status != 201) {
            throw new IllegalStateException("tagging answered " + status);
        }
        while (System.nanoTime() - started < GIVE_UP.toNanos()) {
            if (unread(client.get("/api/v1/notifications/unread-count", setup.leaderToken)) >= expected) {
                return System.nanoTime() - started;
            }
            Thread.sleep(pollMs);
        }
        return -1;
    }

    private static int unread(String body) {
        Matcher m = UNREAD.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no unread count in " + body);
        }
        return Integer.parseInt(m.group(1));
    }

    private static String report(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "notify_latency samples=%d p50_ms=%.1f p95_ms=%.1f max_ms=%.1f",
                sorted.length, ms(sorted, 0.50), ms(sorted, 0.95), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** A fresh town (its own district, so runs on the same data dir do not collide) with one stairwell. */
    private record Setup(List<Long> residents, String officeToken, String leaderToken) {

        static Setup make(ConfigurableApplicationContext haolin, int residents) {
            AreaTree areas = haolin.getBean(AreaTree.class);
            ResidentRegistry registry = haolin.getBean(ResidentRegistry.class);
            Accounts accounts = haolin.getBean(Accounts.class);
            long run = System.currentTimeMillis() % 1_000_000_000L;
            Area district = areas.createDistrict("310120", "测速区" + run);
            Area town = areas.insertChild(district, "测速镇" + run, null);
            Area building = areas.insertChild(areas.insertChild(areas.insertChild(town, "星火居民区", null), "星火一村", null),
                    "5号楼", null);
            Area stairwell = areas.insertChild(building, "2单元", null);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < residents; i++) {
                String idNumber = MainlandIdNumber.compose("310120", LocalDate.of(1950 + i % 50, 1 + i % 12, 1 + i % 28),
                        (int) ((run + i) % 999));
                MainlandIdNumber id = MainlandIdNumber.parse(idNumber);
                ids.add(registry.write(stairwell, new NewResident(stairwell.id(), String.valueOf(101 + i), "测速居民" + i,
                        String.valueOf(id.sex()), id.birthDate(), IdType.MAINLAND_ID, idNumber, null,
                        ResidenceStatus.LIVING_HERE, null, List.of()), TagSource.MANUAL, null, "bench").residentId());
            }
            return new Setup(ids, token(accounts, "benchoffice" + run, Role.EPIDEMIC_OFFICE, town),
                    token(accounts, "benchleader" + run, Role.BUILDING_LEADER, building));
        }

        private static String token(Accounts accounts, String username, Role role, Area area) {
            long id = accounts.create(username, username, "bench password " + username, false);
            accounts.assign(id, new Grant(role, area.townId(), area.id(), area.path()));
            return accounts.createToken(id, "bench");
        }
    }

    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;

        Client(String base) {
            this.base = base;
        }

        int post(String path, String token, String json) throws Exception {
            return http.send(request(path, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }

        String get(String path, String token) throws Exception {
            return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        private HttpRequest.Builder request(String path, String token) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30));
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }
}
