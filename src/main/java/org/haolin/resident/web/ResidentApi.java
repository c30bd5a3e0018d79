package org.haolin.resident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.resident.CurrentTag;
import org.haolin.resident.ResidentDetail;
import org.haolin.resident.ResidentQuery;
import org.haolin.resident.Residents;
import org.haolin.resident.RosterEntry;
import org.haolin.resident.StairwellRoster;
import org.haolin.resident.TagSource;
import org.haolin.resident.Unmasked;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;

/** Residents over JSON: the same facade, scope, audit and masking as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Residents")
class ResidentApi {

    private final Residents residents;

    ResidentApi(Residents residents) {
        this.residents = residents;
    }

    /** The stairwell list as JSON: residents by room with current tags, identifiers masked. */
    record RosterView(long stairwellId, String stairwell, List<String> lineage, List<RosterEntry> residents) {
        static RosterView of(StairwellRoster roster) {
            return new RosterView(roster.stairwell().id(), roster.stairwell().name(),
                    roster.lineage().stream().map(a -> a.name()).toList(), roster.entries());
        }
    }

    record NewTag(String tag, OffsetDateTime validTo) {
    }

    record EndTag(String reason) {
    }

    record UnmaskRequest(String reason) {
    }

    @Operation(summary = "One stairwell's dynamic list (一楼道一名单)")
    @GetMapping("/stairwells/{id}/roster")
    RosterView roster(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return RosterView.of(residents.roster(user, id));
    }

    @Operation(summary = "Search within scope by name, last 4 of ID or phone, room, tag or area")
    @GetMapping("/residents")
    List<RosterEntry> search(@AuthenticationPrincipal HaolinUser user, @RequestParam(required = false) String q,
                             @RequestParam(required = false) String tag, @RequestParam(required = false) Long area,
                             @RequestParam(defaultValue = "50") int limit) {
        return residents.search(user, new ResidentQuery(q, tag, area, limit));
    }

    @GetMapping("/residents/{id}")
    ResidentDetail show(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return residents.detail(user, id);
    }

    @Operation(summary = "Add a tag to a resident (source: manual)")
    @PostMapping("/residents/{id}/tags")
    @ResponseStatus(HttpStatus.CREATED)
    CurrentTag addTag(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @RequestBody NewTag body) {
        if (body.tag() == null || body.tag().isBlank()) {
            throw DomainException.invalid("tag.required");
        }
        return residents.addTag(user, id, body.tag().strip(), body.validTo(), TagSource.MANUAL, null);
    }

    @Operation(summary = "End a current tag now; it stays in the history")
    @PostMapping("/residents/{id}/tags/{assignmentId}/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endTag(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @PathVariable long assignmentId,
                @RequestBody(required = false) EndTag body) {
        residents.endTag(user, id, assignmentId, body == null ? null : body.reason());
    }

    @Operation(summary = "Show the full ID number and phone (roles that may unmask; reason required; audited)")
    @PostMapping("/residents/{id}/unmask")
    Unmasked unmask(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @RequestBody UnmaskRequest body) {
        return residents.unmask(user, id, body == null ? null : body.reason());
    }
}
