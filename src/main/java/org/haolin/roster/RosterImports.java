package org.haolin.roster;

import jakarta.annotation.PreDestroy;
import org.haolin.access.Grant;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.platform.DomainException;
import org.haolin.platform.HaolinProperties;
import org.haolin.resident.Residents;
import org.haolin.roster.RosterJob.Kind;
import org.haolin.roster.internal.ImportEngine;
import org.haolin.roster.internal.ImportLimits;
import org.haolin.roster.internal.JobStore;
import org.haolin.roster.internal.JobStore.Created;
import org.haolin.roster.internal.JobStore.NewJob;
import org.haolin.roster.internal.RosterWorkbooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Roster imports as their users see them: upload a file (dry run or for real), follow the job, read the
 * rejected rows or download them, get the template. A retried upload with the same client key finds the
 * job it started. Only the job's owner, and town admins over its area, may see a job.
 */
@Service
public class RosterImports {

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);
    /** Two imports at a time: each keeps a core busy, and they serialise per town anyway. */
    private static final int AT_ONCE = 2;

    private final JobStore jobs;
    private final ImportEngine engine;
    private final Scopes scopes;
    private final Residents residents;
    private final RosterWorkbooks workbooks;
    private final Path spool;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore running = new Semaphore(AT_ONCE);

    RosterImports(JobStore jobs, ImportEngine engine, Scopes scopes, Residents residents, RosterWorkbooks workbooks,
                  HaolinProperties properties) {
        this.jobs = jobs;
        this.engine = engine;
        this.scopes = scopes;
        this.residents = residents;
        this.workbooks = workbooks;
        this.spool = properties.dataDir().resolve("tmp");
    }

    /** Starts an import in the background and answers its job at once (pages). */
    public RosterJob submit(HaolinUser user, String fileName, InputStream content, boolean dryRun, String key) {
        Started started = start(user, fileName, content, dryRun, key);
        if (started.file != null) {
            background.submit(() -> runAndClean(started.job, user, started.file));
        }
        return started.job;
    }

    /** Runs an import to its end before answering (API and benchmark): the same job, the same engine. */
    public ImportReport importNow(HaolinUser user, String fileName, InputStream content, boolean dryRun, String key) {
        Started started = start(user, fileName, content, dryRun, key);
        if (started.file != null) {
            runAndClean(started.job, user, started.file);
        }
        return report(user, started.job.id());
    }

    public RosterJob job(HaolinUser user, long id) {
        return jobs.visibleTo(user, id, Kind.IMPORT)
                .orElseThrow(() -> DomainException.notFound("import.job.notFound", id));
    }

    public ImportReport report(HaolinUser user, long id) {
        RosterJob job = job(user, id);
        JobStore.Rejected rejected = jobs.rejected(job.id());
        return new ImportReport(job, rejected.header(), rejected.rows());
    }

    /** The person's latest imports and exports. */
    public List<RosterJob> recent(HaolinUser user) {
        List<Long> towns = user.grants().stream().map(Grant::townId).distinct().toList();
        return towns.isEmpty() ? List.of() : jobs.recent(user.accountId(), towns, 20);
    }

    public void writeRejected(HaolinUser user, long id, Locale locale, OutputStream out) throws IOException {
        ImportReport report = report(user, id);
        workbooks.rejected(out, report.header(), report.rejected(), locale);
    }

    public void writeTemplate(Locale locale, OutputStream out) throws IOException {
        workbooks.template(out, residents.catalogue(), locale);
    }

    private record Started(RosterJob job, Path file) {
    }

    private Started start(HaolinUser user, String fileName, InputStream content, boolean dryRun, String key) {
        Scope scope = scopes.of(user, Permission.IMPORT_ROSTER);
        if (scope.isEmpty()) {
            throw DomainException.forbidden("access.denied");
        }
        Grant home = scope.grants().getFirst();
        Created created = jobs.create(new NewJob(Kind.IMPORT, dryRun, user.accountId(), home.townId(), home.areaId(),
                home.areaPath(), idempotencyKey(key), fileName(fileName)));
        RosterJob job = jobs.find(created.id()).orElseThrow();
        return new Started(job, created.isNew() ? spool(content) : null);
    }

    private void runAndClean(RosterJob job, HaolinUser user, Path file) {
        try {
            running.acquire();
            try {
                engine.run(job, user, file);
            } finally {
                running.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            delete(file);
        }
    }

    /**
     * The upload as a private temporary file (it holds ID numbers: deleted as soon as the job ends). Only
     * one byte more than the limit is kept, enough to refuse the file as too large.
     */
    private Path spool(InputStream content) {
        try {
            Files.createDirectories(spool);
            Path file = Files.createTempFile(spool, "import-", ".xlsx");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                int n;
                while (total <= ImportLimits.MAX_BYTES && (n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    total += n;
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String idempotencyKey(String key) {
        if (key == null || key.isBlank()) {
            return UUID.randomUUID().toString();
        }
        String clean = key.strip();
        return clean.length() > 100 ? clean.substring(0, 100) : clean;
    }

    private static String fileName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the uploaded file {}", file, e);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
