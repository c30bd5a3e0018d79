package org.haolin.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The check-in benchmark's clients, in a process of their own as stations are: a JVM beside Haolin's, so the
 * clients' threads never queue for the CPU among Haolin's own (the kernel shares the CPU between processes
 * first), and each side's CPU is counted apart. The benchmark starts it ({@link Remote}) and tells it, one line
 * at a time on its input, what to run: {@code pings SECONDS}, {@code checkins SECONDS}, {@code acknowledged FILE}
 * (writes the client ids answered RECORDED or REPEAT, one per line); it answers each with a line starting with
 * {@code done}.
 * <p>
 * {@code --clients} concurrent clients, each its own HTTP/1.1 keep-alive connection with one request at a time
 * in flight (two threads drive them all, {@link MultiplexedHttp}): check-ins are single scans with fresh client
 * ids and real personal codes (drawn at random among the campaign's), 10 samples per tube, each client at one
 * point.
 */
public final class ScanClients {

    private static final int TUBE_SIZE = 10;
    private static final String HOST = "localhost";
    /** Threads driving the clients' connections: each reads whatever answers are ready, in one pass. */
    private static final int THREADS = 2;

    private ScanClients() {
    }

    /** What one phase of requests did; times in milliseconds. */
    record Phase(int ok, int refused, int errors, double seconds, double p50, double p99, double max) {

        double perSecond() {
            return ok / seconds;
        }

        String report(String name) {
            return String.format(Locale.ROOT,
                    "%s ok=%d refused_503=%d errors=%d seconds=%.1f per_s=%.0f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f",
                    name, ok, refused, errors, seconds, perSecond(), p50, p99, max);
        }

        String line() {
            return String.format(Locale.ROOT, "done %d %d %d %f %f %f %f", ok, refused, errors, seconds, p50, p99, max);
        }

        static Phase parse(String line) {
            String[] f = line.split(" ");
            return new Phase(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]));
        }
    }

    /** Options: --port, --token, --campaign, --points (comma-separated ids), --codes (a file, one per line), --clients. */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        List<Long> points = Arrays.stream(o.get("points").split(",")).map(Long::valueOf).toList();
        List<String> codes = Files.readAllLines(Path.of(o.get("codes")));
        Load load = new Load(Integer.parseInt(o.get("port")), o.get("token"), Long.parseLong(o.get("campaign")),
                points, codes, Integer.parseInt(o.get("clients")));
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter answers = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        for (String command; (command = commands.readLine()) != null; ) {
            String[] c = command.split(" ", 2);
            switch (c[0]) {
                case "pings" -> answers.println(load.pings(Integer.parseInt(c[1])).line());
                case "checkins" -> answers.println(load.checkIns(Integer.parseInt(c[1])).line());
                case "acknowledged" -> {
                    Files.write(Path.of(c[1]), load.acknowledged);
                    answers.println("done");
                }
                default -> throw new IllegalArgumentException("unknown command " + command);
            }
        }
    }

    /** The clients' process as the benchmark sees it. */
    static final class Remote implements AutoCloseable {

        private final Process process;
        private final PrintWriter commands;
        private final BufferedReader answers;

        /** Starts the clients in a JVM of their own, on this one's class path. */
        Remote(int port, String token, long campaign, List<Long> points, List<String> codes, int clients)
                throws IOException {
            Path codeFile = Files.createTempFile("scan-codes", ".txt");
            codeFile.toFile().deleteOnExit();
            Files.write(codeFile, codes);
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", classPath(), ScanClients.class.getName(), "--port=" + port, "--token=" + token,
                    "--campaign=" + campaign, "--clients=" + clients, "--codes=" + codeFile,
                    "--points=" + String.join(",", points.stream().map(String::valueOf).toList())));
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        long pid() {
            return process.pid();
        }

        Phase pings(int seconds) throws IOException {
            return Phase.parse(ask("pings " + seconds));
        }

        Phase checkIns(int seconds) throws IOException {
            return Phase.parse(ask("checkins " + seconds));
        }

        /** The client ids answered RECORDED or REPEAT so far. */
        List<String> acknowledged() throws IOException {
            Path file = Files.createTempFile("scan-acknowledged", ".txt");
            try {
                ask("acknowledged " + file);
                return Files.readAllLines(file);
            } finally {
                Files.delete(file);
            }
        }

        private String ask(String command) throws IOException {
            commands.println(command);
            String answer = answers.readLine();
            if (answer == null || !answer.startsWith("done")) {
                throw new IOException("the clients' process answered " + answer + " to " + command);
            }
            return answer;
        }

        @Override
        public void close() throws InterruptedException {
            commands.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        /** This JVM's classes (under exec:java they come from a class loader, not the class path property). */
        private static String classPath() {
            if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
                List<String> paths = new ArrayList<>();
                for (URL url : loader.getURLs()) {
                    try {
                        paths.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return String.join(File.pathSeparator, paths);
            }
            return System.getProperty("java.class.path");
        }
    }

    /** The clients: each its own HTTP/1.1 connection, one request at a time. */
    static final class Load {
        final int port;
        final String authorization;
        final long campaign;
        final List<Long> points;
        final List<String> codes;
        final int clients;
        final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        final AtomicInteger tubes = new AtomicInteger();

        Load(int port, String token, long campaign, List<Long> points, List<String> codes, int clients) {
            this.port = port;
            this.authorization = "Bearer " + token;
            this.campaign = campaign;
            this.points = points;
            this.codes = codes;
            this.clients = clients;
        }

        Phase checkIns(int seconds) throws InterruptedException {
            String path = "/api/v1/campaigns/" + campaign + "/checkins";
            return run(seconds, client -> new Client() {
                private final Station station = new Station(client);
                private String clientId;

                @Override
                public byte[] next() {
                    clientId = clientId();
                    return MultiplexedHttp.postJson(HOST, path, authorization, station.nextScan(clientId));
                }

                @Override
                void read(MultiplexedHttp.Answer answer) {
                    if (answer.status() == 200 && (answer.body().contains("\"RECORDED\"")
                            || answer.body().contains("\"REPEAT\""))) {
                        acknowledged.add(clientId);
                    }
                }
            });
        }

        /** A random id as a device makes one (not from the JDK's secure generator, which all clients share). */
        private static String clientId() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                    random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
        }

        Phase pings(int seconds) throws InterruptedException {
            byte[] ping = MultiplexedHttp.get(HOST, "/api/v1/ping", authorization);
            return run(seconds, client -> new Client() {
                @Override
                public byte[] next() {
                    return ping;
                }
            });
        }

        /** One client's counts and answer times in a phase (only its connection's thread touches them). */
        abstract static class Client implements MultiplexedHttp.Conversation {
            int ok;
            int refused;
            int errors;
            long[] times = new long[1024];
            int n;

            /** What the client makes of an answer beyond its status. */
            void read(MultiplexedHttp.Answer answer) {
            }

            @Override
            public void answered(MultiplexedHttp.Answer answer, long nanos) {
                if (answer.status() == 200) {
                    ok++;
                } else if (answer.status() == 503 || answer.status() == 429) {
                    refused++;
                } else {
                    errors++;
                }
                read(answer);
                time(nanos);
            }

            @Override
            public void failed(long nanos) {
                errors++;
                time(nanos);
            }

            private void time(long nanos) {
                if (n == times.length) {
                    times = Arrays.copyOf(times, n * 2);
                }
                times[n++] = nanos;
            }
        }

        /** One station: a point, and tubes of its own filled 10 at a time. */
        final class Station {
            final long point;
            String tube;
            int inTube = TUBE_SIZE;

            Station(int client) {
                point = points.get(client % points.size());
            }

            String nextScan(String clientId) {
                if (inTube == TUBE_SIZE) {
                    tube = "B" + campaign + "-" + tubes.incrementAndGet();
                    inTube = 0;
                }
                inTube++;
                String code = codes.get(ThreadLocalRandom.current().nextInt(codes.size()));
                return "{\"clientId\":\"" + clientId + "\",\"pointId\":" + point + ",\"code\":\"" + code
                        + "\",\"tubeCode\":\"" + tube + "\",\"scannedAt\":\"" + OffsetDateTime.now() + "\"}";
            }
        }

        /** The clients, their connections shared out among {@value #THREADS} threads, for the given seconds. */
        private Phase run(int seconds, IntFunction<Client> clientOf) throws InterruptedException {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Client> all = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            long started = System.nanoTime();
            for (int t = 0; t < THREADS; t++) {
                List<Client> mine = new ArrayList<>();
                for (int c = t; c < clients; c += THREADS) {
                    mine.add(clientOf.apply(c));
                }
                all.addAll(mine);
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        MultiplexedHttp.run(HOST, port, mine, end);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            double took = (System.nanoTime() - started) / 1e9;
            long[] times = all.stream().flatMapToLong(c -> Arrays.stream(c.times, 0, c.n)).sorted().toArray();
            int errors = all.stream().mapToInt(c -> c.errors).sum();
            LoadRun.Result sorted = new LoadRun.Result(times, errors);
            return new Phase(all.stream().mapToInt(c -> c.ok).sum(), all.stream().mapToInt(c -> c.refused).sum(),
                    errors, took, sorted.ms(0.5), sorted.ms(0.99), sorted.maxMs());
        }
    }
}
