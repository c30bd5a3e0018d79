package org.haolin.roster.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.area.Area;
import org.haolin.roster.RosterExports;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.ui.Model;
import org.haolin.roster.RosterJob;
import org.haolin.roster.internal.Reasons;

import java.io.IOException;
import java.util.Locale;

/** Roster downloads from the pages (the stairwell list links here); the API has the same under /api/v1. */
@Controller
class ExportController {

    private final RosterExports exports;
    private final Reasons reasons;

    ExportController(RosterExports exports, Reasons reasons) {
        this.exports = exports;
        this.reasons = reasons;
    }

    /** A whole area as a background job: the page shows its progress and then the download. */
    @PostMapping("/areas/{id}/exports")
    String processExportForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                             @RequestParam(required = false) String key, Locale locale) {
        return "redirect:/exports/" + exports.submit(user, id, locale, key).id();
    }

    @GetMapping("/exports/{id}")
    String show(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Locale locale, Model model) {
        view(user, id, locale, model);
        return "exports/show";
    }

    @GetMapping("/exports/{id}/progress")
    String progress(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Locale locale, Model model) {
        view(user, id, locale, model);
        return "exports/show :: progress";
    }

    @GetMapping("/exports/{id}/file")
    void file(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        RosterJob job = exports.job(user, id);
        byte[] file = exports.file(user, id);
        Xlsx.download(response, job.fileName());
        response.getOutputStream().write(file);
    }

    private void view(HaolinUser user, long id, Locale locale, Model model) {
        RosterJob job = exports.job(user, id);
        model.addAttribute("job", job);
        model.addAttribute("problem", job.problemKey() == null ? null
                : reasons.message(job.problemKey(), job.problemArgs(), locale));
    }

    @GetMapping("/stairwells/{id}/roster.xlsx")
    void stairwell(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Locale locale,
                   HttpServletResponse response) throws IOException {
        stream(user, exports.stairwell(user, id), locale, response, exports);
    }

    @GetMapping("/areas/{id}/roster.xlsx")
    void area(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Locale locale,
              HttpServletResponse response) throws IOException {
        stream(user, exports.area(user, id), locale, response, exports);
    }

    static void stream(HaolinUser user, Area area, Locale locale, HttpServletResponse response, RosterExports exports)
            throws IOException {
        Xlsx.download(response, exports.fileName(area, locale));
        exports.write(user, area, locale, response.getOutputStream());
    }
}
