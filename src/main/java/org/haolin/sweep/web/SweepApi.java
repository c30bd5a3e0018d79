package org.haolin.sweep.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.sweep.Mark;
import org.haolin.sweep.MarkConflict;
import org.haolin.sweep.MarkOrder;
import org.haolin.sweep.Occupation;
import org.haolin.sweep.Presence;
import org.haolin.sweep.RoundOverview;
import org.haolin.sweep.SweepRounds;
import org.haolin.sweep.SweepSheets;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** Sweeps over JSON: a round's overview for organisers, and marks from a team member's phone. */
@RestController
@RequestMapping("/api/v1/sweeps")
@Tag(name = "Sweeps")
class SweepApi {

    private final SweepRounds rounds;
    private final SweepSheets sheets;
    private final MessageSource messages;

    SweepApi(SweepRounds rounds, SweepSheets sheets, MessageSource messages) {
        this.rounds = rounds;
        this.sheets = sheets;
        this.messages = messages;
    }

    /**
     * One mark: the whole mark as wanted, the version its author saw (0: not marked yet) and a key the client
     * made for this save, so a retry answers the first save instead of saving twice.
     */
    record MarkRequest(String idempotencyKey, Long residentId, Integer version, Presence presence,
                       Set<Occupation> occupations) {
    }

    @Operation(summary = "A sweep round: coverage, each stairwell's progress, what changed, overdue stairwells")
    @GetMapping("/{roundId}")
    RoundOverview round(@AuthenticationPrincipal HaolinUser user, @PathVariable long roundId) {
        return rounds.overview(user, roundId);
    }

    @Operation(summary = "Mark one resident in a round (409 with the other person's mark if they marked first)")
    @PostMapping("/{roundId}/marks")
    Mark mark(@AuthenticationPrincipal HaolinUser user, @PathVariable long roundId, @RequestBody MarkRequest body) {
        // who may mark is checked on the resident's stairwell: its team, or those who organise sweeps there
        if (body.residentId() == null || body.version() == null) {
            throw DomainException.invalid("sweep.mark.incomplete");
        }
        String key = body.idempotencyKey() == null ? null : body.idempotencyKey().strip();
        if (key == null || key.length() < 8 || key.length() > 80) {
            throw DomainException.invalid("sweep.mark.key");
        }
        return sheets.mark(user, roundId, new MarkOrder(body.residentId(), body.version(), body.presence(),
                body.occupations()), key);
    }

    @ExceptionHandler(MarkConflict.class)
    ProblemDetail conflict(MarkConflict e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        problem.setProperty("code", e.messageKey());
        problem.setProperty("theirs", e.theirs());
        return problem;
    }
}
