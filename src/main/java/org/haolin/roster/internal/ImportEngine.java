package org.haolin.roster.internal;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.platform.XlsxPackage;
import org.haolin.resident.InputText;
import org.haolin.resident.ResidentBatch;
import org.haolin.resident.ResidentBatch.Placement;
import org.haolin.resident.ResidentBatch.Plan;
import org.haolin.resident.ResidentBatch.Planned;
import org.haolin.resident.ResidentField;
import org.haolin.resident.ResidentRegistry.Outcome;
import org.haolin.resident.ResidentRules;
import org.haolin.resident.ResidentRules.Checked;
import org.haolin.resident.Residents;
import org.haolin.resident.RowProblem;
import org.haolin.resident.TagSource;
import org.haolin.roster.ImportCounts;
import org.haolin.roster.RejectedRow;
import org.haolin.roster.RosterJob;
import org.haolin.roster.RosterJob.Phase;
import org.haolin.roster.RosterJob.State;
import org.haolin.roster.internal.RosterSheet.SheetRow;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One import, from file to saved residents: read the sheet, check every row (rules, areas in scope,
 * duplicates within the file, residents registered outside the importer's area), then, unless it is a dry
 * run or a row was rejected, write them all in one transaction of one town. All or nothing: a single
 * rejected row means nothing is saved, and the job says exactly which rows and why.
 */
@Component
public class ImportEngine {

    private static final Logger log = LoggerFactory.getLogger(ImportEngine.class);
    /** Separates the advisory locks of imports from any other use of town ids as lock keys. */
    private static final int IMPORT_LOCK_CLASS = 0x524F5354;
    private static final int CHECK_CHUNK = 5_000;

    private final AreaTree areas;
    private final Scopes scopes;
    private final Residents residents;
    private final ResidentBatch batch;
    private final AuditTrail audit;
    private final JobStore jobs;
    private final TransactionTemplate transaction;
    private final DSLContext db;

    ImportEngine(AreaTree areas, Scopes scopes, Residents residents, ResidentBatch batch, AuditTrail audit,
                 JobStore jobs, TransactionTemplate transaction, DSLContext db) {
        this.areas = areas;
        this.scopes = scopes;
        this.residents = residents;
        this.batch = batch;
        this.audit = audit;
        this.jobs = jobs;
        this.transaction = transaction;
        this.db = db;
    }

    /** Runs a job to its end and records how it ended; never throws. */
    public void run(RosterJob job, HaolinUser user, Path file) {
        ProgressReporter progress = new ProgressReporter(jobs, job.id());
        try {
            long start = System.nanoTime();
            progress.report(Phase.READING, 0, null, true);
            XlsxPackage.check(file, ImportLimits.MAX_BYTES, ImportLimits.MAX_UNPACKED_BYTES);
            RosterSheet sheet = RosterSheet.read(file, n -> progress.report(Phase.READING, n, null, false));
            if (sheet.rows().isEmpty()) {
                throw DomainException.invalid("import.file.noRows");
            }
            long read = System.nanoTime();
            Rows rows = check(user, sheet, progress);
            long checked = System.nanoTime();
            write(job, user, sheet, rows, progress);
            log.info("Import job {}: {} rows, read {} ms, checked {} ms, planned and written {} ms", job.id(),
                    sheet.rows().size(), (read - start) / 1_000_000, (checked - read) / 1_000_000,
                    (System.nanoTime() - checked) / 1_000_000);
        } catch (DomainException e) {
            List<String> args = Arrays.stream(e.args()).map(String::valueOf).toList();
            jobs.refuse(job.id(), State.REFUSED, e.messageKey(), args);
            auditSeparately(user, job, "refused: " + e.messageKey());
        } catch (RuntimeException e) {
            log.error("Import job {} failed", job.id(), e);
            jobs.refuse(job.id(), State.FAILED, "import.failed", List.of());
        }
    }

    /** Every row checked: the residents of the accepted ones, and the problems of the others. */
    private static final class Rows {
        final List<SheetRow> sheetRows;
        final List<List<RowProblem>> problems = new ArrayList<>();
        final List<Placement> placements = new ArrayList<>();
        final List<Integer> placedRow = new ArrayList<>();

        Rows(List<SheetRow> sheetRows) {
            this.sheetRows = sheetRows;
        }

        void reject(int index, RowProblem problem) {
            problems.get(index).add(problem);
        }
    }

    private Rows check(HaolinUser user, RosterSheet sheet, ProgressReporter progress) {
        Scope scope = scopes.of(user, Permission.IMPORT_ROSTER);
        AreaDirectory directory = new AreaDirectory(areas, scope);
        ResidentRules rules = new ResidentRules(residents.catalogue());
        Rows rows = new Rows(sheet.rows());
        Map<ResidentField, Integer> columns = sheet.header().columns();
        int total = sheet.rows().size();
        Checked[] checked = new Checked[total];
        // In chunks, each shared by the cores: the rules are pure and the directory answers from memory.
        for (int from = 0; from < total; from += CHECK_CHUNK) {
            IntStream.range(from, Math.min(total, from + CHECK_CHUNK)).parallel()
                    .forEach(i -> checked[i] = rules.check(fields(sheet.rows().get(i), columns), directory));
            progress.report(Phase.CHECKING, Math.min(total, from + CHECK_CHUNK), total, false);
        }
        for (int i = 0; i < total; i++) {
            rows.problems.add(new ArrayList<>(problems(sheet.rows().get(i), checked[i])));
        }
        markDuplicates(rows, columns.get(ResidentField.ID_NUMBER));
        for (int i = 0; i < total; i++) {
            if (rows.problems.get(i).isEmpty()) {
                rows.placements.add(new Placement(directory.area(checked[i].resident().stairwellId()),
                        checked[i].resident()));
                rows.placedRow.add(i);
            }
        }
        return rows;
    }

    private static Map<ResidentField, String> fields(SheetRow row, Map<ResidentField, Integer> columns) {
        Map<ResidentField, String> fields = new EnumMap<>(ResidentField.class);
        columns.forEach((field, column) -> fields.put(field, row.cells()[column]));
        return fields;
    }

    /** Cell problems (formula, error value) first; a rule problem on the same field would only repeat them. */
    private static List<RowProblem> problems(SheetRow row, Checked checked) {
        if (row.issues().isEmpty()) {
            return checked.problems();
        }
        Set<ResidentField> unreadable = row.issues().stream().map(RowProblem::field).collect(Collectors.toSet());
        List<RowProblem> all = new ArrayList<>(row.issues());
        checked.problems().stream().filter(p -> !unreadable.contains(p.field())).forEach(all::add);
        return all;
    }

    /** The same ID number on two rows: both are rejected, each naming the other. */
    private static void markDuplicates(Rows rows, int idColumn) {
        Map<String, List<Integer>> byNumber = new HashMap<>();
        for (int i = 0; i < rows.sheetRows.size(); i++) {
            String number = InputText.idNumber(rows.sheetRows.get(i).cells()[idColumn]);
            if (!number.isEmpty()) {
                byNumber.computeIfAbsent(number, n -> new ArrayList<>(1)).add(i);
            }
        }
        for (List<Integer> same : byNumber.values()) {
            if (same.size() < 2) {
                continue;
            }
            for (int i : same) {
                String others = same.stream().filter(k -> k != i)
                        .map(k -> String.valueOf(rows.sheetRows.get(k).number())).collect(Collectors.joining(", "));
                rows.reject(i, RowProblem.of(ResidentField.ID_NUMBER, "import.row.duplicate", others));
            }
        }
    }

    private void write(RosterJob job, HaolinUser user, RosterSheet sheet, Rows rows, ProgressReporter progress) {
        Set<Long> towns = rows.placements.stream().map(p -> p.stairwell().townId()).collect(Collectors.toSet());
        if (towns.size() > 1) {
            throw DomainException.invalid("import.file.severalTowns");
        }
        long townId = towns.isEmpty() ? job.townId() : towns.iterator().next();
        Scope scope = scopes.of(user, Permission.IMPORT_ROSTER);
        Result result = transaction.execute(status -> {
            if (!job.dryRun()) {
                db.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.val(IMPORT_LOCK_CLASS),
                        DSL.val((int) townId))).fetch();
            }
            Plan plan = batch.plan(townId, rows.placements);
            rejectRegisteredElsewhere(rows, plan, scope);
            Result counted = new Result(counts(rows, plan), rejected(rows));
            if (job.dryRun() || counted.counts.rejected() > 0) {
                status.setRollbackOnly();
                return counted;
            }
            progress.report(Phase.SAVING, 0, rows.placements.size(), true);
            batch.apply(plan, TagSource.IMPORT, user.accountId(), user.displayName(),
                    n -> progress.report(Phase.SAVING, n, rows.placements.size(), false));
            audit.record(user, AuditAction.IMPORT, audited(job), "imported " + describe(counted.counts));
            jobs.finish(job.id(), State.DONE, counted.counts, null);
            return counted;
        });
        if (job.dryRun() || result.counts.rejected() > 0) {
            JobStore.Rejected rejected = new JobStore.Rejected(sheet.header().texts(), result.rejected);
            boolean refused = !job.dryRun();
            jobs.finishSeparately(job.id(), refused ? State.REFUSED : State.DONE, result.counts, rejected);
            auditSeparately(user, job, (refused ? "refused, nothing saved: " : "dry run: ") + describe(result.counts));
        }
    }

    private record Result(ImportCounts counts, List<RejectedRow> rejected) {
    }

    /** A resident already registered outside the importer's area may not be moved or changed by this import. */
    private static void rejectRegisteredElsewhere(Rows rows, Plan plan, Scope scope) {
        List<Planned> planned = plan.planned();
        for (int k = 0; k < planned.size(); k++) {
            String path = planned.get(k).currentAreaPath();
            if (path != null && !scope.covers(path)) {
                rows.reject(rows.placedRow.get(k), RowProblem.of(ResidentField.ID_NUMBER, "import.row.registeredElsewhere"));
            }
        }
    }

    private static ImportCounts counts(Rows rows, Plan plan) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<Planned> planned = plan.planned();
        for (int k = 0; k < planned.size(); k++) {
            if (!rows.problems.get(rows.placedRow.get(k)).isEmpty()) {
                continue;
            }
            Outcome outcome = planned.get(k).outcome();
            if (outcome == Outcome.CREATED) {
                created++;
            } else if (outcome == Outcome.UPDATED) {
                updated++;
            } else {
                unchanged++;
            }
        }
        int rejected = (int) rows.problems.stream().filter(p -> !p.isEmpty()).count();
        return new ImportCounts(created, updated, unchanged, rejected);
    }

    private static List<RejectedRow> rejected(Rows rows) {
        List<RejectedRow> rejected = new ArrayList<>();
        for (int i = 0; i < rows.sheetRows.size(); i++) {
            if (!rows.problems.get(i).isEmpty()) {
                SheetRow row = rows.sheetRows.get(i);
                rejected.add(new RejectedRow(row.number(), Arrays.asList(row.cells()), rows.problems.get(i)));
            }
        }
        return rejected;
    }

    private void auditSeparately(HaolinUser user, RosterJob job, String detail) {
        try {
            transaction.executeWithoutResult(status -> audit.record(user, AuditAction.IMPORT, audited(job), detail));
        } catch (RuntimeException e) {
            log.error("Could not audit import job {}", job.id(), e);
        }
    }

    private static AuditedObject audited(RosterJob job) {
        return AuditedObject.of("ROSTER_IMPORT", job.id(), job.townId(), job.areaPath());
    }

    private static String describe(ImportCounts c) {
        return "rows " + c.rows() + ", new " + c.created() + ", updated " + c.updated() + ", unchanged "
                + c.unchanged() + ", rejected " + c.rejected();
    }
}
