package org.haolin.rota.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.platform.XlsxDownload;
import org.haolin.rota.Hours;
import org.haolin.rota.HoursReport;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;

/** Volunteer hours of an area for the staff who keep its rota or workforce, and their .xlsx. */
@Controller
class HoursController {

    private final Hours hours;

    HoursController(Hours hours) {
        this.hours = hours;
    }

    @GetMapping("/rotas/hours")
    String show(@AuthenticationPrincipal HaolinUser user, @RequestParam(required = false) Long areaId, Model model) {
        HoursReport report = hours.report(user, areaId);
        model.addAttribute("report", report);
        model.addAttribute("areas", hours.areas(user));
        return "hours/list";
    }

    @GetMapping("/rotas/hours/export.xlsx")
    void export(@AuthenticationPrincipal HaolinUser user, @RequestParam(required = false) Long areaId,
                HttpServletResponse response) throws IOException {
        byte[] xlsx = hours.export(user, areaId, LocaleContextHolder.getLocale());
        XlsxDownload.headers(response, "hours.xlsx");
        response.getOutputStream().write(xlsx);
    }
}
