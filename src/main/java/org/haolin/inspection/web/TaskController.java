package org.haolin.inspection.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.inspection.Rectifications;
import org.haolin.platform.FormChange;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;

/**
 * "My rectification tasks": an owner's tasks with the form to report one done; for a supervisor the tasks of their
 * areas with the forms to close or reopen those reported done.
 */
@Controller
class TaskController {

    private final Rectifications rectifications;

    TaskController(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @GetMapping("/inspection/tasks")
    String tasks(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("tasks", rectifications.tasks(user));
        model.addAttribute("inspector", user.may(Permission.INSPECT));
        model.addAttribute("reopenDue", rectifications.defaultDueOn());
        return "inspection/tasks";
    }

    @PostMapping("/inspection/tasks/{id}/done")
    String processDoneForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                           @RequestParam(required = false) String note, Model model, HttpServletResponse response,
                           RedirectAttributes redirect) {
        return moved(user, id, () -> rectifications.reportDone(user, id, note), model, response, redirect);
    }

    @PostMapping("/inspection/tasks/{id}/close")
    String processCloseForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                            @RequestParam(required = false) String note, Model model, HttpServletResponse response,
                            RedirectAttributes redirect) {
        return moved(user, id, () -> rectifications.close(user, id, note), model, response, redirect);
    }

    @PostMapping("/inspection/tasks/{id}/reopen")
    String processReopenForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                             @RequestParam(required = false) String note,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
                             Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return moved(user, id, () -> rectifications.reopen(user, id, note, due), model, response, redirect);
    }

    /** One move of a task: back to it on the list when done, the list with the reason in place when refused. */
    private String moved(HaolinUser user, long id, Runnable move, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        return FormChange.attempt(move, "inspection.task.moved", "/inspection/tasks#task-" + id,
                () -> tasks(user, model), model, response, redirect);
    }
}
