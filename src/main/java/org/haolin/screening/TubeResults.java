package org.haolin.screening;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.platform.DomainException;
import org.haolin.screening.internal.ResultSheet;
import org.haolin.screening.internal.ResultStore;
import org.haolin.screening.internal.ResultStore.TubeRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Tube results, entered by hand or imported from a lab's workbook, for those who enter results over the
 * campaign's area. A batch takes every good row and names every bad one; a result once recorded is never
 * overwritten (a different one is a conflict to settle with the lab), so sending the same file again changes
 * nothing. A tube that turns positive is announced at once for tracing.
 */
@Service
public class TubeResults {

    static final String ENTERED = "ENTERED";
    static final String IMPORTED = "IMPORTED";

    private final Scopes scopes;
    private final ResultStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TubeResults(Scopes scopes, ResultStore store, AuditTrail audit, ApplicationEventPublisher events,
                TransactionTemplate transaction, Clock clock) {
        this.scopes = scopes;
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The campaign, when the person may enter its results; otherwise "not found", as if it did not exist. */
    public ResultCampaign campaign(HaolinUser user, long campaignId) {
        ResultCampaign campaign = store.campaign(campaignId)
                .orElseThrow(() -> DomainException.notFound("screening.result.campaign.notFound", campaignId));
        if (!scopes.of(user, Permission.ENTER_RESULTS).covers(campaign.areaPath())) {
            audit.denied(user, AuditAction.SCREENING_RESULT,
                    AuditedObject.of("CAMPAIGN", campaignId, campaign.townId(), campaign.areaPath()));
            throw DomainException.notFound("screening.result.campaign.notFound", campaignId);
        }
        return campaign;
    }

    /** Results typed in (or sent as JSON): rows are numbered from 1. */
    public ResultsApplied enter(HaolinUser user, long campaignId, List<ResultEntry> entries) {
        ResultCampaign campaign = campaign(user, campaignId);
        List<Integer> numbers = IntStream.rangeClosed(1, entries.size()).boxed().toList();
        return transaction.execute(tx -> apply(user, campaign, entries, numbers, List.of(), ENTERED));
    }

    /** A lab's workbook: rows are numbered as in the sheet. The scope is checked before the file is read. */
    public ResultsApplied importWorkbook(HaolinUser user, long campaignId, InputStream file) {
        ResultCampaign campaign = campaign(user, campaignId);
        Path temp = null;
        try {
            temp = Files.createTempFile("results-", ".xlsx");
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            ResultSheet.Read read = ResultSheet.read(temp);
            return transaction.execute(tx -> apply(user, campaign, read.rows(), read.numbers(), read.problems(),
                    IMPORTED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** The results recorded last, newest first. */
    public List<RecordedResult> recent(HaolinUser user, long campaignId) {
        return store.recent(campaign(user, campaignId));
    }

    private ResultsApplied apply(HaolinUser user, ResultCampaign campaign, List<ResultEntry> entries,
                                 List<Integer> numbers, List<ResultProblem> cellProblems, String source) {
        if (entries.isEmpty()) {
            throw DomainException.invalid("screening.result.rows.empty");
        }
        List<ResultProblem> problems = new ArrayList<>(cellProblems);
        Set<Integer> unreadable = new HashSet<>(cellProblems.stream().map(ResultProblem::row).toList());
        Map<String, Integer> occurrences = new HashMap<>();
        entries.forEach(e -> occurrences.merge(code(e), 1, Integer::sum));
        Map<String, TubeRow> tubes = store.tubesForUpdate(campaign, occurrences.keySet());
        Map<TubeResult, List<TubeRow>> toRecord = new EnumMap<>(TubeResult.class);
        int unchanged = 0;
        for (int i = 0; i < entries.size(); i++) {
            int row = numbers.get(i);
            if (unreadable.contains(row)) {
                continue;
            }
            ResultProblem problem = check(row, entries.get(i), occurrences, tubes);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            TubeRow tube = tubes.get(code(entries.get(i)));
            TubeResult result = TubeResult.parse(entries.get(i).result()).orElseThrow();
            if (tube.result() == result) {
                unchanged++;
            } else {
                toRecord.computeIfAbsent(result, r -> new ArrayList<>()).add(tube);
            }
        }
        int applied = record(user, campaign, toRecord, source);
        List<String> positives = toRecord.getOrDefault(TubeResult.POSITIVE, List.of()).stream().map(TubeRow::code).toList();
        return new ResultsApplied(applied, unchanged, positives, problems);
    }

    /** What is wrong with one row, or null when it can be taken. */
    private static ResultProblem check(int row, ResultEntry entry, Map<String, Integer> occurrences,
                                       Map<String, TubeRow> tubes) {
        String code = code(entry);
        if (code.isEmpty()) {
            return ResultProblem.of(row, ResultField.TUBE_CODE, "screening.result.row.tubeMissing");
        }
        if (occurrences.get(code) > 1) {
            return ResultProblem.of(row, ResultField.TUBE_CODE, "screening.result.row.duplicate", code);
        }
        var result = TubeResult.parse(entry.result());
        if (result.isEmpty()) {
            return ResultProblem.of(row, ResultField.RESULT, "screening.result.row.unknownResult",
                    entry.result() == null ? "" : entry.result().strip());
        }
        TubeRow tube = tubes.get(code);
        if (tube == null) {
            return ResultProblem.of(row, ResultField.TUBE_CODE, "screening.result.row.unknownTube", code);
        }
        if (tube.result() != null && tube.result() != result.get()) {
            return ResultProblem.of(row, ResultField.RESULT, "screening.result.row.conflict." + tube.result().name(),
                    code);
        }
        return null;
    }

    private int record(HaolinUser user, ResultCampaign campaign, Map<TubeResult, List<TubeRow>> toRecord,
                       String source) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<AuditedObject> audited = new ArrayList<>();
        toRecord.forEach((result, tubes) -> {
            store.record(campaign, tubes.stream().map(TubeRow::id).toList(), result, now, user.displayName(), source);
            tubes.forEach(t -> audited.add(AuditedObject.of("TUBE", t.id(), campaign.townId(), t.areaPath())));
        });
        if (!audited.isEmpty()) {
            audit.recordAll(user, AuditAction.SCREENING_RESULT, audited, source + " campaign " + campaign.id());
        }
        for (TubeRow tube : toRecord.getOrDefault(TubeResult.POSITIVE, List.of())) {
            List<Long> stairwells = List.copyOf(store.peopleByStairwell(campaign.townId(), campaign.id(),
                    campaign.campaignDay(), tube.id()).keySet());
            events.publishEvent(new PositiveTubeFound(campaign.townId(), campaign.id(), tube.id(), tube.code(),
                    stairwells));
        }
        return audited.size();
    }

    private static String code(ResultEntry entry) {
        return entry.tubeCode() == null ? "" : entry.tubeCode().strip();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is removed by the system's temp cleaning
            }
        }
    }
}
