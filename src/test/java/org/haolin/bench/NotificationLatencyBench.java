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
 * <p>
 * With {@code --list-rows=10000 --stairwells=1000} it measures a whole office list instead: a town with that many
 * stairwells (ten per building) and residents spread over them, a building leader of the last building and a
 * social worker over the residential area; the office pushes one list naming every resident through
 * {@code POST /api/v1/keygroup-lists} (matched and applied at once), and the time runs from the push's answer
 * (the list applied) until the leader sees a notification, and until the social worker has one per stairwell.
 * Prints: notify_list rows=… stairwells=… push_ms=… leader_ms=… all_stairwells_ms=…
 */
public final class NotificationLatencyBench {

    private static final Pattern UNREAD = Pattern.compile("\"unread\"\\s*:\\s*(\\d+)");
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private NotificationLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        int port = Integer.parseInt(o.getOrDefault("port", "8182"));
        String dataDir = o.getOrDefault("data-dir", "/tmp/notify-data");
        int samples = Integer.parseInt(o.getOrDefault("samples", "50"));
        long pollMs = Long.parseLong(o.getOrDefault("poll-ms", "5"));
        String tag = o.getOrDefault("tag", "DISCHARGED_FROM_HOSPITAL");
        int listRows = Integer.parseInt(o.getOrDefault("list-rows", "0"));
        int stairwells = Integer.parseInt(o.getOrDefault("stairwells", "1"));
        SpringApplication app = new SpringApplication(HaolinApplication.class);
        int exit;
        try (ConfigurableApplicationContext haolin = app.run("--server.port=" + port, "--haolin.data-dir=" + dataDir,
                "--haolin.demo.enabled=false", "--spring.main.banner-mode=off", "--logging.level.root=warn")) {
            Client client = new Client("http://localhost:" + port);
            if (listRows > 0) {
                Setup setup = Setup.make(haolin, listRows, stairwells);
                String line = wholeList(client, setup, tag, stairwells, pollMs);
                System.out.println(line);
                exit = line.contains("_ms=-") ? 1 : 0;
            } else {
                Setup setup = Setup.make(haolin, samples, 1);
                long[] nanos = new long[samples];
                for (int i = 0; i < samples; i++) {
                    nanos[i] = oneTag(client, setup, setup.residents.get(i), tag, i + 1, pollMs);
                }
                System.out.println(report(nanos));
                exit = Arrays.stream(nanos).allMatch(n -> n > 0) ? 0 : 1;
            }
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

    private static String wholeList(Client client, Setup setup, String tag, int stairwells, long pollMs)
            throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < setup.idNumbers.size(); i++) {
            rows.append(i == 0 ? "" : ",").append("{\"name\":\"").append(setup.names.get(i))
                    .append("\",\"idNumber\":\"").append(setup.idNumbers.get(i)).append("\"}");
        }
        String list = "{\"reference\":\"bench-" + System.nanoTime() + "\",\"tagCode\":\"" + tag
                + "\",\"title\":\"bench\",\"rows\":[" + rows + "]}";
        long started = System.nanoTime();
        int status = client.post("/api/v1/keygroup-lists", setup.officeToken, list);
        long applied = System.nanoTime();
        if (status / 100 != 2) {
            throw new IllegalStateException("the push answered " + status);
        }
        long leader = -1;
        long all = -1;
        while (System.nanoTime() - applied < GIVE_UP.toNanos() && (leader < 0 || all < 0)) {
            if (leader < 0 && unread(client.get("/api/v1/notifications/unread-count", setup.leaderToken)) > 0) {
                leader = System.nanoTime() - applied;
            }
            if (all < 0 && unread(client.get("/api/v1/notifications/unread-count", setup.workerToken)) >= stairwells) {
                all = System.nanoTime() - applied;
            }
            Thread.sleep(pollMs);
        }
        return String.format(Locale.ROOT, "notify_list rows=%d stairwells=%d push_ms=%.1f leader_ms=%.1f all_stairwells_ms=%.1f",
                setup.idNumbers.size(), stairwells, (applied - started) / 1e6, leader / 1e6, all / 1e6);
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
        LoadRun.Result times = new LoadRun.Result(sorted, 0);
        return String.format(Locale.ROOT, "notify_latency samples=%d p50_ms=%.1f p95_ms=%.1f max_ms=%.1f",
                times.count(), times.ms(0.50), times.ms(0.95), times.maxMs());
    }

    /**
     * A fresh town (its own district, so runs on the same data dir do not collide) with stairwells of ten per
     * building and residents spread over them; a building leader of the last building, a social worker over the area.
     */
    private record Setup(List<Long> residents, List<String> names, List<String> idNumbers, String officeToken,
                         String leaderToken, String workerToken) {

        static Setup make(ConfigurableApplicationContext haolin, int residents, int stairwellCount) {
            AreaTree areas = haolin.getBean(AreaTree.class);
            ResidentRegistry registry = haolin.getBean(ResidentRegistry.class);
            Accounts accounts = haolin.getBean(Accounts.class);
            long run = System.currentTimeMillis() % 1_000_000_000L;
            Area district = areas.createDistrict("310120", "测速区" + run);
            Area town = areas.insertChild(district, "测速镇" + run, null);
            Area area = areas.insertChild(town, "星火居民区", null);
            Area compound = areas.insertChild(area, "星火一村", null);
            List<Area> stairwells = new ArrayList<>();
            Area building = null;
            for (int s = 0; s < stairwellCount; s++) {
                if (s % 10 == 0) {
                    building = areas.insertChild(compound, (s / 10 + 1) + "号楼", null);
                }
                stairwells.add(areas.insertChild(building, (s % 10 + 1) + "单元", null));
            }
            List<Long> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < residents; i++) {
                Area stairwell = stairwells.get(i % stairwellCount);
                String idNumber = MainlandIdNumber.compose("310120", LocalDate.of(1950 + i % 50, 1 + i % 12, 1 + i % 28),
                        (int) ((run + i / 2_100) % 999)); // (year, month, day) repeat every 2,100
                MainlandIdNumber id = MainlandIdNumber.parse(idNumber);
                String name = "测速居民" + i;
                ids.add(registry.write(stairwell, new NewResident(stairwell.id(), String.valueOf(101 + i / stairwellCount),
                        name, String.valueOf(id.sex()), id.birthDate(), IdType.MAINLAND_ID, idNumber, null,
                        ResidenceStatus.LIVING_HERE, null, List.of()), TagSource.MANUAL, null, "bench").residentId());
                names.add(name);
                numbers.add(idNumber);
            }
            return new Setup(ids, names, numbers, token(accounts, "benchoffice" + run, Role.EPIDEMIC_OFFICE, town),
                    token(accounts, "benchleader" + run, Role.BUILDING_LEADER, building),
                    token(accounts, "benchworker" + run, Role.SOCIAL_WORKER, area));
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
}
