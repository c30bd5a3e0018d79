package org.haolin.keygroup.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.keygroup.KeyGroupLists;
import org.haolin.keygroup.KeyGroupRows;
import org.haolin.keygroup.ListRefused;
import org.haolin.keygroup.NewResidentFromRow;
import org.haolin.keygroup.Pushed;
import org.haolin.keygroup.RowFilter;
import org.haolin.keygroup.internal.ListLimits;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.Locale;

/**
 * The office's lists and the rows area staff settle: the list of lists with the upload form, one list's
 * progress and rows by outcome, one row with its actions, and the rows waiting for me.
 */
@Controller
class KeyGroupListController {

    private final KeyGroupLists lists;
    private final KeyGroupRows rows;
    private final ProblemTexts problems;

    KeyGroupListController(KeyGroupLists lists, KeyGroupRows rows, ProblemTexts problems) {
        this.lists = lists;
        this.rows = rows;
        this.problems = problems;
    }

    @GetMapping("/keygroup-lists")
    String list(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("lists", lists.lists(user));
        model.addAttribute("mayPush", user.may(Permission.PUSH_KEY_GROUP_LISTS));
        model.addAttribute("categories", lists.categories());
        model.addAttribute("maxRows", ListLimits.MAX_ROWS);
        model.addAttribute("maxMegabytes", ListLimits.maxMegabytes());
        return "keygroup/lists";
    }

    @PostMapping("/keygroup-lists")
    String processUploadForm(@AuthenticationPrincipal HaolinUser user, @RequestParam MultipartFile file,
                             @RequestParam(required = false) String tagCode,
                             @RequestParam(required = false) String title,
                             @RequestParam(required = false) String reference, Locale locale, Model model,
                             HttpServletResponse response) throws IOException {
        try {
            Pushed pushed = lists.upload(user, tagCode, title, reference, null, file.getInputStream());
            return "redirect:/keygroup-lists/" + pushed.list().id();
        } catch (ListRefused e) {
            response.setStatus(e.status().value());
            model.addAttribute("refused", problems.summary((int) e.args()[0], locale));
            model.addAttribute("problems", problems.texts(e.problems(), locale));
            return list(user, model);
        }
    }

    @GetMapping("/keygroup-lists/waiting")
    String waiting(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("rows", rows.waitingForMe(user));
        return "keygroup/waiting";
    }

    @GetMapping("/keygroup-lists/{id}")
    String show(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                @RequestParam(defaultValue = "ALL") RowFilter filter, @RequestParam(defaultValue = "0") int page,
                Model model) {
        model.addAttribute("progress", lists.progress(user, id));
        addRows(user, id, filter, page, model);
        return "keygroup/show";
    }

    /** The rows fragment htmx swaps in when another outcome is chosen. */
    @GetMapping("/keygroup-lists/{id}/rows")
    String rows(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                @RequestParam(defaultValue = "ALL") RowFilter filter, @RequestParam(defaultValue = "0") int page,
                Model model) {
        addRows(user, id, filter, page, model);
        return "keygroup/show :: rows";
    }

    private void addRows(HaolinUser user, long id, RowFilter filter, int page, Model model) {
        model.addAttribute("listId", id);
        model.addAttribute("rows", rows.rows(user, id, filter, page));
        model.addAttribute("filter", filter);
        model.addAttribute("filters", RowFilter.values());
        model.addAttribute("page", page);
    }

    @PostMapping("/keygroup-lists/{id}/apply")
    String processApplyForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        lists.apply(user, id);
        return "redirect:/keygroup-lists/" + id;
    }

    @GetMapping("/keygroup-lists/{id}/rows/{rowId}")
    String row(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @PathVariable long rowId, Model model) {
        model.addAttribute("detail", rows.row(user, id, rowId));
        return "keygroup/row";
    }

    @PostMapping("/keygroup-lists/{id}/rows/{rowId}/pick")
    String processPickForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @PathVariable long rowId,
                           @RequestParam long residentId) {
        rows.pick(user, id, rowId, residentId);
        return "redirect:/keygroup-lists/" + id + "/rows/" + rowId;
    }

    @PostMapping("/keygroup-lists/{id}/rows/{rowId}/create")
    String processCreateForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @PathVariable long rowId,
                             @RequestParam(required = false) Long stairwellId,
                             @RequestParam(required = false) String room,
                             @RequestParam(required = false) String idNumber) {
        rows.create(user, id, rowId, new NewResidentFromRow(stairwellId, room, idNumber));
        return "redirect:/keygroup-lists/" + id + "/rows/" + rowId;
    }

    @PostMapping("/keygroup-lists/{id}/rows/{rowId}/return")
    String processReturnForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @PathVariable long rowId,
                             @RequestParam(required = false) String reason) {
        rows.returnToOffice(user, id, rowId, reason);
        return "redirect:/keygroup-lists/" + id + "/rows/" + rowId;
    }
}
