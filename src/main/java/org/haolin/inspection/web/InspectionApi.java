package org.haolin.inspection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.inspection.AreaSupervision;
import org.haolin.inspection.NewVisit;
import org.haolin.inspection.RectificationTask;
import org.haolin.inspection.Rectifications;
import org.haolin.inspection.Supervision;
import org.haolin.inspection.Visit;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** Supervision over JSON: the areas one supervises, recording a visit, rectification tasks and their moves. */
@RestController
@RequestMapping("/api/v1/inspection")
@Tag(name = "Supervision")
class InspectionApi {

    private final Supervision supervision;
    private final Rectifications rectifications;

    InspectionApi(Supervision supervision, Rectifications rectifications) {
        this.supervision = supervision;
        this.rectifications = rectifications;
    }

    record Recorded(long id) {
    }

    /** What the owner reported, or the supervisor's note or reason; dueOn: a reopened task's new due day. */
    record Note(String note, LocalDate dueOn) {
    }

    @Operation(summary = "The residential areas you supervise: supervisors, last visit, findings open and overdue")
    @GetMapping("/areas")
    List<AreaSupervision> areas(@AuthenticationPrincipal HaolinUser user) {
        return supervision.overview(user);
    }

    @Operation(summary = "Record a visit with its checklist; the same clientId again returns the visit first recorded")
    @PostMapping("/visits")
    Recorded record(@AuthenticationPrincipal HaolinUser user, @RequestBody NewVisit visit) {
        return new Recorded(supervision.record(user, visit));
    }

    @Operation(summary = "A visit with its checklist and the tasks its findings became")
    @GetMapping("/visits/{id}")
    Visit visit(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return supervision.visit(user, id);
    }

    @Operation(summary = "Your rectification tasks (as owner), and for a supervisor those of the areas supervised")
    @GetMapping("/tasks")
    List<RectificationTask> tasks(@AuthenticationPrincipal HaolinUser user) {
        return rectifications.tasks(user);
    }

    @Operation(summary = "The owner reports what was done (note required)")
    @PostMapping("/tasks/{id}/done")
    RectificationTask done(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @RequestBody Note body) {
        return rectifications.reportDone(user, id, body.note());
    }

    @Operation(summary = "The supervisor verified it: close the task (note optional)")
    @PostMapping("/tasks/{id}/close")
    RectificationTask close(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @RequestBody Note body) {
        return rectifications.close(user, id, body.note());
    }

    @Operation(summary = "Not put right: reopen the task (reason required; new due day, default in 3 days); the owner is told again")
    @PostMapping("/tasks/{id}/reopen")
    RectificationTask reopen(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @RequestBody Note body) {
        return rectifications.reopen(user, id, body.note(), body.dueOn());
    }
}
