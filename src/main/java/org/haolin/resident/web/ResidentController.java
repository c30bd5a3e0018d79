package org.haolin.resident.web;

import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.platform.QrCodeSvg;
import org.haolin.resident.PersonalCodes;
import org.haolin.resident.ResidentDetail;
import org.haolin.resident.ResidentQuery;
import org.haolin.resident.Residents;
import org.haolin.resident.StairwellRoster;
import org.haolin.resident.TagSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.ZoneId;

@Controller
class ResidentController {

    private final Residents residents;
    private final Scopes scopes;
    private final org.springframework.beans.factory.ObjectProvider<org.haolin.resident.StairwellContact> contacts;
    private final PersonalCodes codes;

    ResidentController(Residents residents, Scopes scopes,
                       org.springframework.beans.factory.ObjectProvider<org.haolin.resident.StairwellContact> contacts,
                       PersonalCodes codes) {
        this.residents = residents;
        this.scopes = scopes;
        this.contacts = contacts;
        this.codes = codes;
    }

    @GetMapping("/stairwells/{id}")
    String roster(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Model model) {
        StairwellRoster roster = residents.roster(user, id);
        model.addAttribute("roster", roster);
        model.addAttribute("canEdit", scopes.of(user, Permission.EDIT_RESIDENTS).covers(roster.stairwell().path()));
        model.addAttribute("canExport", scopes.of(user, Permission.EXPORT_ROSTER).covers(roster.stairwell().path()));
        model.addAttribute("hotlineContact", contacts.getIfAvailable(() -> org.haolin.resident.StairwellContact.NONE)
                .of(roster.stairwell().townId(), id).orElse(null));
        return "residents/roster";
    }

    @GetMapping("/residents")
    String search(@AuthenticationPrincipal HaolinUser user, @RequestParam(required = false) String q,
                  @RequestParam(required = false) String tag, @RequestParam(required = false) Long area, Model model) {
        model.addAttribute("catalogue", residents.catalogue());
        model.addAttribute("q", q);
        model.addAttribute("tag", tag);
        boolean asked = (q != null && !q.isBlank()) || (tag != null && !tag.isBlank()) || area != null;
        if (asked) {
            model.addAttribute("results", residents.search(user, new ResidentQuery(q, tag, area, 100)));
        }
        return "residents/search";
    }

    @GetMapping("/residents/{id}")
    String show(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Model model) {
        ResidentDetail detail = residents.detail(user, id);
        String path = detail.lineage().getLast().path();
        model.addAttribute("resident", detail);
        model.addAttribute("catalogue", residents.catalogue().stream().filter(t -> t.active()).toList());
        model.addAttribute("canEdit", scopes.of(user, Permission.EDIT_RESIDENTS).covers(path));
        model.addAttribute("canUnmask", scopes.of(user, Permission.UNMASK).covers(path));
        String code = codes.currentCode(detail.lineage().getLast().townId(), id, user.displayName());
        model.addAttribute("personalCode", code);
        model.addAttribute("personalCodeQr", QrCodeSvg.of(code));
        return "residents/show";
    }

    /** A lost card or a code seen by others: the old code stops working and a new one is shown. */
    @PostMapping("/residents/{id}/personal-code")
    String processReissueCodeForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                                  @RequestParam String reason) {
        codes.revokeAndReissue(user, id, reason);
        return "redirect:/residents/" + id + "#personal-code";
    }

    @PostMapping("/residents/{id}/tags")
    String processTagForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @RequestParam String tag,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
        residents.addTag(user, id, tag,
                until == null ? null : until.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime(),
                TagSource.MANUAL, null);
        return "redirect:/residents/" + id;
    }

    @PostMapping("/residents/{id}/tags/{assignment}/end")
    String processEndTagForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                             @PathVariable long assignment, @RequestParam(required = false) String reason) {
        residents.endTag(user, id, assignment, reason);
        return "redirect:/residents/" + id;
    }

    /** Answers an htmx fragment with the full values; the request itself is audited. */
    @PostMapping("/residents/{id}/unmask")
    String processUnmaskForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                             @RequestParam String reason, Model model) {
        model.addAttribute("unmasked", residents.unmask(user, id, reason));
        return "residents/show :: unmasked";
    }
}
