package org.haolin.roster.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.area.Area;
import org.haolin.roster.RosterExports;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.io.IOException;
import java.util.Locale;

/** Roster downloads from the pages (the stairwell list links here); the API has the same under /api/v1. */
@Controller
class ExportController {

    private final RosterExports exports;

    ExportController(RosterExports exports) {
        this.exports = exports;
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
