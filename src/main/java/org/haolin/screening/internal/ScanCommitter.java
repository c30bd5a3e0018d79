package org.haolin.screening.internal;

import org.haolin.resident.PersonalCodes;
import org.haolin.screening.ScanResult;
import org.haolin.screening.ScansOverloaded;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * The group committer of the scan path. Request threads put their scans on a queue and wait; a writer takes
 * everything queued as soon as its previous commit ends and records it as one transaction ({@link ScanBatch}),
 * then answers every waiting request. Two writers per node by default, side by side: one reads and decides
 * while the other writes and commits, which kept two cores busy where one writer's chain of round trips left a
 * sixth of them idle (three were slower again; measured, docs/screening-scans.md). While one is at work, the
 * other waits for a batch worth a transaction ({@link #awaitSharedBatch}) rather than taking the few scans that
 * arrived meanwhile. The writers of several nodes work side by side the same way. The database keeps them apart:
 * a client id and a person's first scan are unique, shared tubes and progress rows are locked in one order, and
 * a batch that finds a scan of its own stored by another writer meanwhile is decided again. A request is answered
 * only after its scans are committed, so a device that got an answer never has to send again, and a device that
 * did not simply sends again (client ids make that harmless). At a peak the batches grow instead of the
 * transactions multiplying: one commit (one WAL flush) carries hundreds of scans.
 * <p>
 * Bounded: past {@code scanLimit} scans or {@code requestLimit} requests waiting, a request is refused at once
 * (503 with Retry-After) rather than queued; the devices keep their scans and retry.
 */
@Component
public class ScanCommitter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScanCommitter.class);
    /** Scans per transaction, give or take one request's: keeps one commit well under the answer-time target. */
    private static final int MAX_BATCH_SCANS = 2_000;
    /** A request waits no longer than this; it is then told to retry (its scans may still be committed). */
    private static final long WAIT_SECONDS = 20;
    /**
     * While another writer is at work, a writer takes the queue only once this many scans wait (or
     * {@value #SHARED_WAIT_MILLIS} ms have passed, or the other is done): a transaction costs PostgreSQL about 2 ms
     * of CPU whatever its size, so two writers taking turns with a few scans each spent the machine on that (measured,
     * docs/screening-scans.md).
     */
    private static final int SHARED_BATCH_SCANS = 32;
    private static final long SHARED_WAIT_MILLIS = 10;

    private final DSLContext db;
    private final PersonalCodes codes;
    private final ScanBatch.Statements statements;
    private final TransactionTemplate transactions;
    private final ScanPartitions partitions;
    private final Clock clock;
    private final int scanLimit;
    private final int requestLimit;

    private final LinkedBlockingQueue<PendingScans> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger scansWaiting = new AtomicInteger();
    private final AtomicInteger requestsWaiting = new AtomicInteger();
    /** Scans queued and not yet taken by a writer. */
    private final AtomicInteger scansQueued = new AtomicInteger();
    /** Writers recording a batch (from draining the queue to answering its requests). */
    private final AtomicInteger writersAtWork = new AtomicInteger();
    private final LongAdder batches = new LongAdder();
    private final LongAdder batchScans = new LongAdder();
    private final LongAdder batchNanos = new LongAdder();
    private final LongAdder decidedAgain = new LongAdder();
    private final int writerCount;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    ScanCommitter(DSLContext db, PersonalCodes codes, TransactionTemplate transactions,
                  ScanPartitions partitions, Clock clock,
                  @Value("${haolin.screening.scan-queue-limit:4000}") int scanLimit,
                  @Value("${haolin.screening.scan-request-limit:2000}") int requestLimit,
                  @Value("${haolin.screening.scan-writers:2}") int writerCount) {
        this.db = db;
        this.codes = codes;
        this.statements = new ScanBatch.Statements(db);
        this.transactions = transactions;
        this.partitions = partitions;
        this.clock = clock;
        this.scanLimit = scanLimit;
        this.requestLimit = requestLimit;
        this.writerCount = Math.max(1, writerCount);
    }

    /** Queues the request's scans and waits until they are committed; refuses at once when too much waits. */
    public List<ScanResult> submit(PendingScans request) {
        int scans = scansWaiting.addAndGet(request.scans().size());
        int requests = requestsWaiting.incrementAndGet();
        if (!running || scans > scanLimit || requests > requestLimit) {
            release(request);
            throw new ScansOverloaded();
        }
        request.done().whenComplete((r, e) -> release(request));
        scansQueued.addAndGet(request.scans().size());
        queue.add(request);
        try {
            return request.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScansOverloaded();
        } catch (ExecutionException | TimeoutException e) {
            throw new ScansOverloaded();
        }
    }

    /** Scans queued or being committed now (for the overload answer and for tests). */
    public int scansWaiting() {
        return scansWaiting.get();
    }

    /** Batches committed, scans in them, time spent committing them, and batches decided again (for benchmarks). */
    public String stats() {
        long n = batches.sum();
        return String.format(Locale.ROOT, "batches=%d scans_per_batch=%.1f commit_ms_per_batch=%.1f decided_again=%d",
                n, n == 0 ? 0.0 : batchScans.sum() / (double) n, n == 0 ? 0.0 : batchNanos.sum() / 1e6 / n,
                decidedAgain.sum());
    }

    private void release(PendingScans request) {
        scansWaiting.addAndGet(-request.scans().size());
        requestsWaiting.decrementAndGet();
    }

    private void writeLoop() {
        while (running) {
            try {
                PendingScans first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    awaitSharedBatch();
                    writersAtWork.incrementAndGet();
                    try {
                        byDay(drainAfter(first)).forEach(this::commit);
                    } finally {
                        writersAtWork.decrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("scan writer", e); // never let a writer die: the next batch must still be written
            }
        }
    }

    /**
     * With another writer at work, lets a batch worth a transaction gather first: until {@value #SHARED_BATCH_SCANS}
     * scans wait, the other writer is done, or {@value #SHARED_WAIT_MILLIS} ms have passed. Alone, a writer takes
     * what waits at once.
     */
    private void awaitSharedBatch() {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHARED_WAIT_MILLIS);
        while (writersAtWork.get() > 0 && scansQueued.get() < SHARED_BATCH_SCANS && System.nanoTime() < until) {
            LockSupport.parkNanos(200_000);
        }
    }

    /** What waits behind the first request, up to about {@value #MAX_BATCH_SCANS} scans (writers drain side by side). */
    private List<PendingScans> drainAfter(PendingScans first) {
        List<PendingScans> batch = new ArrayList<>();
        batch.add(first);
        int scans = first.scans().size();
        for (PendingScans next; scans < MAX_BATCH_SCANS && (next = queue.poll()) != null; ) {
            batch.add(next);
            scans += next.scans().size();
        }
        batch.forEach(request -> scansQueued.addAndGet(-request.scans().size()));
        return batch;
    }

    /**
     * The batch in one part per campaign day (nearly always one), as a batch reads and writes one day's partition
     * of the scans.
     */
    private static Collection<List<PendingScans>> byDay(List<PendingScans> batch) {
        return batch.stream().collect(Collectors.groupingBy(PendingScans::day, LinkedHashMap::new,
                Collectors.toList())).values();
    }

    /** One transaction for the batch; if it fails, each request alone, so one bad request fails only itself. */
    private void commit(List<PendingScans> batch) {
        long started = System.nanoTime();
        try {
            Map<PendingScans, List<ScanResult>> answers = record(batch);
            batches.increment();
            batch.forEach(r -> batchScans.add(r.scans().size()));
            batchNanos.add(System.nanoTime() - started);
            batch.forEach(r -> r.done().complete(answers.getOrDefault(r, List.of())));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                log.warn("scan request failed: {}", e.toString());
                batch.getFirst().done().completeExceptionally(e);
            } else {
                batch.forEach(r -> commit(List.of(r)));
            }
        }
    }

    /**
     * The batch in one transaction, decided again from fresh reads when another writer took a first scan of it
     * or when it may hold a resent scan.
     */
    private Map<PendingScans, List<ScanResult>> record(List<PendingScans> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                // the first attempt leaves resent client ids to be found (rare at a peak); later ones look them up
                ScanBatch scans = new ScanBatch(db, statements, codes, OffsetDateTime.now(clock), batch, attempt > 1);
                Map<PendingScans, List<ScanResult>> answers = transactions.execute(s -> scans.record());
                partitions.written(scans.day(), scans.written());
                return answers;
            } catch (DecideAgain e) {
                decidedAgain.increment();
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < writerCount; i++) {
            writers.add(Thread.ofPlatform().name("scan-writer-" + i).daemon().start(this::writeLoop));
        }
    }

    @Override
    public synchronized void stop() {
        running = false; // each writer finishes the batch in hand, then sees this within its poll interval
        try {
            for (Thread writer : writers) {
                writer.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writers.clear();
        // whoever still waits is told to retry: nothing of theirs was acknowledged
        for (PendingScans left; (left = queue.poll()) != null; ) {
            scansQueued.addAndGet(-left.scans().size());
            left.done().completeExceptionally(new ScansOverloaded());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
