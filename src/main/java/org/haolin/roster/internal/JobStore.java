package org.haolin.roster.internal;

import haolin.schema.tables.records.RosterJobRecord;
import org.haolin.access.HaolinUser;
import org.haolin.access.Role;
import org.haolin.platform.SensitiveData;
import org.haolin.roster.ImportCounts;
import org.haolin.roster.RejectedRow;
import org.haolin.roster.RosterJob;
import org.haolin.roster.RosterJob.Kind;
import org.haolin.roster.RosterJob.Phase;
import org.haolin.roster.RosterJob.State;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static haolin.schema.Tables.ROSTER_JOB;
import static haolin.schema.Tables.ROSTER_JOB_FILE;

/**
 * Jobs in the database, so that any app node can show them. Progress is written in transactions of its own
 * (the import's transaction stays invisible until it commits); rejected rows, which carry the uploaded ID
 * numbers, are kept encrypted.
 */
@Component
public class JobStore {

    /** A running job that has not reported for this long has lost its server. */
    static final Duration SILENCE = Duration.ofMinutes(2);
    /** A queued job waits for a free slot (two imports run at a time) without reporting. */
    static final Duration QUEUE_SILENCE = Duration.ofMinutes(30);
    static final Duration FILE_KEPT = Duration.ofDays(1);

    /** Where a new job belongs: the owner's area for imports, the exported area for exports. */
    public record NewJob(Kind kind, boolean dryRun, long accountId, long townId, long areaId, String areaPath,
                         String idempotencyKey, String fileName) {
    }

    /** The stored form of rejected rows: the file's header and the rows. */
    public record Rejected(List<String> header, List<RejectedRow> rows) {
    }

    private final DSLContext db;
    private final SensitiveData sensitive;
    private final TransactionTemplate separately;
    private final JsonMapper json = JsonMapper.builder().build();

    JobStore(DSLContext db, SensitiveData sensitive, PlatformTransactionManager transactions) {
        this.db = db;
        this.sensitive = sensitive;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The job for this key, made now or found from an earlier try; true when it is new. */
    public Created create(NewJob job) {
        return separately.execute(status -> {
            Optional<Long> id = db.insertInto(ROSTER_JOB)
                    .set(ROSTER_JOB.KIND, job.kind().name()).set(ROSTER_JOB.DRY_RUN, job.dryRun())
                    .set(ROSTER_JOB.ACCOUNT_ID, job.accountId()).set(ROSTER_JOB.TOWN_ID, job.townId())
                    .set(ROSTER_JOB.AREA_ID, job.areaId()).set(ROSTER_JOB.AREA_PATH, job.areaPath())
                    .set(ROSTER_JOB.IDEMPOTENCY_KEY, job.idempotencyKey()).set(ROSTER_JOB.FILE_NAME, job.fileName())
                    .onConflictDoNothing()
                    .returning(ROSTER_JOB.ID).fetchOptional(ROSTER_JOB.ID);
            if (id.isPresent()) {
                return new Created(id.get(), true);
            }
            return new Created(db.select(ROSTER_JOB.ID).from(ROSTER_JOB)
                    .where(ROSTER_JOB.TOWN_ID.eq(job.townId()), ROSTER_JOB.ACCOUNT_ID.eq(job.accountId()),
                            ROSTER_JOB.IDEMPOTENCY_KEY.eq(job.idempotencyKey()))
                    .fetchSingle(ROSTER_JOB.ID), false);
        });
    }

    public record Created(long id, boolean isNew) {
    }

    /** A job its owner, or a town admin over its area, may see; for anybody else it does not exist. */
    public Optional<RosterJob> visibleTo(HaolinUser user, long id, Kind kind) {
        return find(id).filter(j -> j.kind() == kind).filter(j -> j.accountId() == user.accountId()
                || user.grants().stream().anyMatch(g -> g.role() == Role.TOWN_ADMIN && g.covers(j.areaPath())));
    }

    public Optional<RosterJob> find(long id) {
        return db.selectFrom(ROSTER_JOB).where(ROSTER_JOB.ID.eq(id)).fetchOptional(JobStore::toJob);
    }

    /** A person's latest jobs in the towns they work in. */
    public List<RosterJob> recent(long accountId, Collection<Long> townIds, int limit) {
        return db.selectFrom(ROSTER_JOB)
                .where(ROSTER_JOB.TOWN_ID.in(townIds), ROSTER_JOB.ACCOUNT_ID.eq(accountId))
                .orderBy(ROSTER_JOB.CREATED_AT.desc(), ROSTER_JOB.ID.desc())
                .limit(limit).fetch(JobStore::toJob);
    }

    /** Records progress at once, outside any running transaction; a finished job stays finished. */
    public void progress(long id, Phase phase, int done, Integer total) {
        separately.executeWithoutResult(status -> db.update(ROSTER_JOB)
                .set(ROSTER_JOB.STATE, State.RUNNING.name()).set(ROSTER_JOB.PHASE, phase.name())
                .set(ROSTER_JOB.DONE_ROWS, done).set(ROSTER_JOB.TOTAL_ROWS, total)
                .set(ROSTER_JOB.UPDATED_AT, OffsetDateTime.now())
                .where(ROSTER_JOB.ID.eq(id), ROSTER_JOB.STATE.in(State.QUEUED.name(), State.RUNNING.name())).execute());
    }

    /** The end of a job, written in the caller's transaction (so a committed import and DONE go together). */
    public void finish(long id, State state, ImportCounts counts, Rejected rejected) {
        db.update(ROSTER_JOB)
                .set(ROSTER_JOB.STATE, state.name())
                .set(ROSTER_JOB.CREATED_COUNT, counts == null ? null : counts.created())
                .set(ROSTER_JOB.UPDATED_COUNT, counts == null ? null : counts.updated())
                .set(ROSTER_JOB.UNCHANGED_COUNT, counts == null ? null : counts.unchanged())
                .set(ROSTER_JOB.REJECTED_COUNT, counts == null ? null : counts.rejected())
                .set(ROSTER_JOB.REJECTED_ENC, rejected == null || rejected.rows().isEmpty() ? null
                        : sensitive.encrypt(json.writeValueAsString(rejected)))
                .set(ROSTER_JOB.UPDATED_AT, OffsetDateTime.now()).set(ROSTER_JOB.FINISHED_AT, OffsetDateTime.now())
                .where(ROSTER_JOB.ID.eq(id)).execute();
    }

    /** The same in a transaction of its own: after the work's transaction was rolled back. */
    public void finishSeparately(long id, State state, ImportCounts counts, Rejected rejected) {
        separately.executeWithoutResult(status -> finish(id, state, counts, rejected));
    }

    /** A whole file refused (or a job failed), with the message key and its arguments. */
    public void refuse(long id, State state, String problemKey, List<String> args) {
        separately.executeWithoutResult(status -> db.update(ROSTER_JOB)
                .set(ROSTER_JOB.STATE, state.name()).set(ROSTER_JOB.PROBLEM_KEY, problemKey)
                .set(ROSTER_JOB.PROBLEM_ARGS, args.toArray(String[]::new))
                .set(ROSTER_JOB.UPDATED_AT, OffsetDateTime.now()).set(ROSTER_JOB.FINISHED_AT, OffsetDateTime.now())
                .where(ROSTER_JOB.ID.eq(id)).execute());
    }

    public Rejected rejected(long id) {
        byte[] stored = db.select(ROSTER_JOB.REJECTED_ENC).from(ROSTER_JOB).where(ROSTER_JOB.ID.eq(id))
                .fetchOne(ROSTER_JOB.REJECTED_ENC);
        return stored == null ? new Rejected(List.of(), List.of()) : json.readValue(sensitive.decrypt(stored), Rejected.class);
    }

    public void storeFile(RosterJob job, String fileName, byte[] content) {
        db.insertInto(ROSTER_JOB_FILE)
                .set(ROSTER_JOB_FILE.JOB_ID, job.id()).set(ROSTER_JOB_FILE.TOWN_ID, job.townId())
                .set(ROSTER_JOB_FILE.AREA_ID, job.areaId()).set(ROSTER_JOB_FILE.AREA_PATH, job.areaPath())
                .set(ROSTER_JOB_FILE.FILE_NAME, fileName).set(ROSTER_JOB_FILE.CONTENT, content)
                .execute();
    }

    /** Export files hold personal data (masked): they are kept for a day, then only the job remains. */
    public void forgetOldFiles(long townId) {
        db.deleteFrom(ROSTER_JOB_FILE)
                .where(ROSTER_JOB_FILE.TOWN_ID.eq(townId), ROSTER_JOB_FILE.CREATED_AT.lt(OffsetDateTime.now().minus(FILE_KEPT)))
                .execute();
    }

    public Optional<byte[]> file(long jobId) {
        return db.select(ROSTER_JOB_FILE.CONTENT).from(ROSTER_JOB_FILE).where(ROSTER_JOB_FILE.JOB_ID.eq(jobId))
                .fetchOptional(ROSTER_JOB_FILE.CONTENT);
    }

    private static RosterJob toJob(RosterJobRecord r) {
        State state = State.valueOf(r.getState());
        boolean silent = state == State.RUNNING && r.getUpdatedAt().isBefore(OffsetDateTime.now().minus(SILENCE))
                || state == State.QUEUED && r.getUpdatedAt().isBefore(OffsetDateTime.now().minus(QUEUE_SILENCE));
        ImportCounts counts = r.getRejectedCount() == null ? null
                : new ImportCounts(r.getCreatedCount(), r.getUpdatedCount(), r.getUnchangedCount(), r.getRejectedCount());
        return new RosterJob(r.getId(), Kind.valueOf(r.getKind()), r.getDryRun(), r.getFileName(), state,
                r.getPhase() == null ? null : Phase.valueOf(r.getPhase()), r.getDoneRows(), r.getTotalRows(), counts,
                r.getProblemKey(), r.getProblemArgs() == null ? List.of() : Arrays.asList(r.getProblemArgs()),
                r.getAccountId(), r.getTownId(), r.getAreaId(), r.getAreaPath(), r.getCreatedAt(), r.getFinishedAt(),
                silent);
    }
}
