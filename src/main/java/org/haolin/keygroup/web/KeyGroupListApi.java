package org.haolin.keygroup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.keygroup.KeyGroupList;
import org.haolin.keygroup.KeyGroupLists;
import org.haolin.keygroup.KeyGroupRows;
import org.haolin.keygroup.ListProgress;
import org.haolin.keygroup.ListRefused;
import org.haolin.keygroup.ListRowView;
import org.haolin.keygroup.NewKeyGroupList;
import org.haolin.keygroup.NewResidentFromRow;
import org.haolin.keygroup.Pushed;
import org.haolin.keygroup.RowDetail;
import org.haolin.keygroup.RowFilter;
import org.haolin.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/** Key-group lists over JSON: the office pushes lists, area staff settle the rows left open. */
@RestController
@RequestMapping("/api/v1/keygroup-lists")
@Tag(name = "Key-group lists")
class KeyGroupListApi {

    private final KeyGroupLists lists;
    private final KeyGroupRows rows;
    private final ProblemTexts problems;

    KeyGroupListApi(KeyGroupLists lists, KeyGroupRows rows, ProblemTexts problems) {
        this.lists = lists;
        this.rows = rows;
        this.problems = problems;
    }

    /** How to settle a row: PICK (residentId), CREATE (stairwellId, room, idNumber, all optional) or RETURN (reason). */
    record Resolve(String action, Long residentId, Long stairwellId, String room, String idNumber, String reason) {
    }

    /** One problem of a refused list: its row, the field, and the reason in the reader's language. */
    record RowRefusal(int row, String field, String reason) {
    }

    @Operation(summary = "Push a list (JSON): matched and applied at once. The same reference (or, without one, the "
            + "same content) pushed again returns the first list (200, existing=true) and changes nothing.")
    @PostMapping
    ResponseEntity<Pushed> push(@AuthenticationPrincipal HaolinUser user, @RequestBody NewKeyGroupList list) {
        Pushed pushed = lists.push(user, list);
        return ResponseEntity.status(pushed.existing() ? HttpStatus.OK : HttpStatus.CREATED).body(pushed);
    }

    @Operation(summary = "The lists with rows in my scope, newest first, with their progress")
    @GetMapping
    List<KeyGroupList> lists(@AuthenticationPrincipal HaolinUser user) {
        return lists.lists(user);
    }

    @Operation(summary = "One list's progress, overall and per residential area")
    @GetMapping("/{id}")
    ListProgress progress(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return lists.progress(user, id);
    }

    @Operation(summary = "Apply an uploaded list: the tag goes on its matched rows (ended for rows whose status is ended)")
    @PostMapping("/{id}/apply")
    KeyGroupList apply(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return lists.apply(user, id);
    }

    @Operation(summary = "A list's rows in my scope (500 a page), filtered: ALL, MATCHED, WAITING, AMBIGUOUS, "
            + "UNMATCHED, RETURNED; identifiers masked")
    @GetMapping("/{id}/rows")
    List<ListRowView> rows(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                           @RequestParam(defaultValue = "ALL") RowFilter filter,
                           @RequestParam(defaultValue = "0") int page) {
        return rows.rows(user, id, filter, page);
    }

    @Operation(summary = "One row with its candidates (masked) and the stairwells it may be registered in")
    @GetMapping("/{id}/rows/{rowId}")
    RowDetail row(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @PathVariable long rowId) {
        return rows.row(user, id, rowId);
    }

    @Operation(summary = "Settle a row: PICK a candidate, CREATE the resident, or RETURN the row to the office")
    @PostMapping("/{id}/rows/{rowId}/resolve")
    ListRowView resolve(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @PathVariable long rowId,
                        @RequestBody Resolve body) {
        String action = body.action() == null ? "" : body.action().strip().toUpperCase(Locale.ROOT);
        return switch (action) {
            case "PICK" -> {
                if (body.residentId() == null) {
                    throw DomainException.invalid("keygroup.pick.residentNeeded");
                }
                yield rows.pick(user, id, rowId, body.residentId());
            }
            case "CREATE" -> rows.create(user, id, rowId,
                    new NewResidentFromRow(body.stairwellId(), body.room(), body.idNumber()));
            case "RETURN" -> rows.returnToOffice(user, id, rowId, body.reason());
            default -> throw DomainException.invalid("keygroup.resolve.action");
        };
    }

    /** A refused list answers 422 with every problem, naming row and field, in the reader's language. */
    @ExceptionHandler(ListRefused.class)
    ProblemDetail refused(ListRefused e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(),
                problems.summary((int) e.args()[0], locale));
        problem.setProperty("code", e.messageKey());
        problem.setProperty("rows", e.problems().stream()
                .map(p -> new RowRefusal(p.row(), p.field().name(), problems.text(p, locale))).toList());
        return problem;
    }
}
