package org.haolin.roster.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.roster.RosterImports;
import org.haolin.roster.RosterJob;
import org.haolin.roster.internal.ImportLimits;
import org.haolin.roster.internal.Reasons;
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
import java.util.UUID;

@Controller
class ImportController {

    private final RosterImports imports;
    private final Reasons reasons;

    ImportController(RosterImports imports, Reasons reasons) {
        this.imports = imports;
        this.reasons = reasons;
    }

    /** The upload form (a fresh idempotency key in it, so a resubmitted form finds its job) and my jobs. */
    @GetMapping("/imports")
    String list(@AuthenticationPrincipal HaolinUser user, Model model) {
        model.addAttribute("jobs", imports.recent(user));
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("maxMegabytes", ImportLimits.maxMegabytes());
        model.addAttribute("maxRows", ImportLimits.MAX_ROWS);
        return "imports/list";
    }

    @PostMapping("/imports")
    String processUploadForm(@AuthenticationPrincipal HaolinUser user, @RequestParam MultipartFile file,
                             @RequestParam(defaultValue = "false") boolean dryRun,
                             @RequestParam(required = false) String key) throws IOException {
        RosterJob job = imports.submit(user, file.getOriginalFilename(), file.getInputStream(), dryRun, key);
        return "redirect:/imports/" + job.id();
    }

    @GetMapping("/imports/{id}")
    String show(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Locale locale, Model model) {
        model.addAttribute("view", JobView.of(imports.report(user, id), reasons, locale));
        return "imports/show";
    }

    /** The progress fragment htmx polls every second; once the job is finished it carries the results instead. */
    @GetMapping("/imports/{id}/progress")
    String progress(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Locale locale, Model model) {
        model.addAttribute("view", JobView.of(imports.report(user, id), reasons, locale));
        return "imports/show :: progress";
    }

    @GetMapping("/imports/{id}/rejected.xlsx")
    void rejected(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Locale locale,
                  HttpServletResponse response) throws IOException {
        RosterJob job = imports.job(user, id);
        Xlsx.download(response, "rejected-" + job.id() + ".xlsx");
        imports.writeRejected(user, id, locale, response.getOutputStream());
    }

    @GetMapping("/imports/template.xlsx")
    void template(Locale locale, HttpServletResponse response) throws IOException {
        Xlsx.download(response, "roster-template.xlsx");
        imports.writeTemplate(locale, response.getOutputStream());
    }
}
