package org.haolin.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The benchmarks' load: a number of GET requests, several at a time, each timed from sending to the whole
 * answer; anything but 200 counts as an error. Percentiles in milliseconds over the sorted times.
 */
final class LoadRun {

    private LoadRun() {
    }

    /** Sorted request times and the error count. */
    record Result(long[] sorted, int errors) {

        int count() {
            return sorted.length;
        }

        /** The time at this quantile (0 without any request). */
        double ms(double quantile) {
            return sorted.length == 0 ? 0
                    : sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
        }

        double maxMs() {
            return ms(1.0);
        }
    }

    static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    /** Request i is made by {@code request.apply(i)}. */
    static Result run(int requests, int concurrency, IntFunction<HttpRequest> request) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    HttpRequest one = request.apply(i);
                    long started = System.nanoTime();
                    try {
                        if (client.send(one, HttpResponse.BodyHandlers.ofByteArray()).statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    nanos[i] = System.nanoTime() - started;
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        Arrays.sort(nanos);
        return new Result(nanos, errors.get());
    }
}
