package org.haolin.roster;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.resident.ResidentListing;
import jakarta.annotation.PreDestroy;
import org.haolin.roster.internal.ExportSheet;
import org.haolin.roster.internal.JobStore;
import org.haolin.roster.internal.ProgressReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.haolin.roster.internal.Reasons;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Roster exports to .xlsx, streamed: one stairwell's list, or everything under a compound, residential
 * area or town. Only inside the person's export scope; identifiers masked; each export is audited before
 * its first byte leaves, so even an interrupted download is on record.
 */
@Service
public class RosterExports {

    private static final Logger log = LoggerFactory.getLogger(RosterExports.class);

    private final ResidentListing listing;
    private final JobStore jobs;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final AreaTree areas;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Reasons reasons;
    private final TransactionTemplate separately;

    RosterExports(ResidentListing listing, AreaTree areas, AuditTrail audit, MessageSource messages, Reasons reasons,
                  PlatformTransactionManager transactions, JobStore jobs) {
        this.listing = listing;
        this.jobs = jobs;
        this.areas = areas;
        this.audit = audit;
        this.messages = messages;
        this.reasons = reasons;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A stairwell the person may export, or "not found". */
    public Area stairwell(HaolinUser user, long id) {
        Area area = listing.area(user, Permission.EXPORT_ROSTER, id);
        if (area.level() != AreaLevel.STAIRWELL) {
            throw DomainException.notFound("area.notFound", id);
        }
        return area;
    }

    /** A town, residential area, compound, building or stairwell the person may export, or "not found". */
    public Area area(HaolinUser user, long id) {
        return listing.area(user, Permission.EXPORT_ROSTER, id);
    }

    /** Writes the roster of an area found by {@link #stairwell} or {@link #area}; returns how many residents. */
    public int write(HaolinUser user, Area area, Locale locale, OutputStream out) {
        return write(user, area, locale, out, (done, total) -> { });
    }

    private int write(HaolinUser user, Area area, Locale locale, OutputStream out, Progress progress) {
        int count = listing.count(user, Permission.EXPORT_ROSTER, area);
        separately.executeWithoutResult(status -> audit.record(user, AuditAction.EXPORT,
                AuditedObject.of("AREA", area.id(), area.townId(), area.path()), "xlsx, " + count + " residents"));
        ExportSheet sheet = new ExportSheet(out, areas, area, messages, reasons, locale);
        int[] done = {0};
        int written = listing.forEach(user, Permission.EXPORT_ROSTER, area, resident -> {
            sheet.add(resident);
            progress.done(++done[0], count);
        });
        sheet.finish();
        return written;
    }

    private interface Progress {
        void done(int done, int total);
    }

    /**
     * The same export as a job the page can leave and come back to (a whole town takes a while): the file
     * is kept in the database for a day, so any app node can hand it out.
     */
    public RosterJob submit(HaolinUser user, long areaId, Locale locale, String key) {
        Area area = area(user, areaId);
        JobStore.Created created = jobs.create(new JobStore.NewJob(RosterJob.Kind.EXPORT, false, user.accountId(),
                area.townId(), area.id(), area.path(), key == null || key.isBlank() ? UUID.randomUUID().toString()
                : key.strip(), fileName(area, locale)));
        RosterJob job = jobs.find(created.id()).orElseThrow();
        if (created.isNew()) {
            background.submit(() -> run(job, user, area, locale));
        }
        return job;
    }

    private void run(RosterJob job, HaolinUser user, Area area, Locale locale) {
        ProgressReporter progress = new ProgressReporter(jobs, job.id());
        try {
            progress.report(RosterJob.Phase.WRITING, 0, null, true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int written = write(user, area, locale, out,
                    (done, total) -> progress.report(RosterJob.Phase.WRITING, done, total, false));
            progress.report(RosterJob.Phase.WRITING, written, written, true);
            separately.executeWithoutResult(status -> {
                jobs.forgetOldFiles(job.townId());
                jobs.storeFile(job, job.fileName(), out.toByteArray());
                jobs.finish(job.id(), RosterJob.State.DONE, null, null);
            });
        } catch (DomainException e) {
            jobs.refuse(job.id(), RosterJob.State.REFUSED, e.messageKey(),
                    java.util.Arrays.stream(e.args()).map(String::valueOf).toList());
        } catch (RuntimeException e) {
            log.error("Export job {} failed", job.id(), e);
            jobs.refuse(job.id(), RosterJob.State.FAILED, "export.failed", List.of());
        }
    }

    public RosterJob job(HaolinUser user, long id) {
        return jobs.visibleTo(user, id, RosterJob.Kind.EXPORT)
                .orElseThrow(() -> DomainException.notFound("export.job.notFound", id));
    }

    /** The finished file of an export job; handing it out is an export of its own, and audited. */
    public byte[] file(HaolinUser user, long id) {
        RosterJob job = job(user, id);
        byte[] file = jobs.file(id).orElseThrow(() -> DomainException.notFound("export.job.noFile", id));
        separately.executeWithoutResult(status -> audit.record(user, AuditAction.EXPORT,
                AuditedObject.of("AREA", job.areaId(), job.townId(), job.areaPath()), "download of export job " + id));
        return file;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** The download's file name: the area's name and "名单" or "roster". */
    public String fileName(Area area, Locale locale) {
        return area.name() + "-" + messages.getMessage("export.fileSuffix", null, locale) + ".xlsx";
    }
}
