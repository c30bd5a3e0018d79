package org.haolin.rota.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.platform.XlsxDownload;
import org.haolin.rota.RotaExport;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.io.IOException;

/** A rota's .xlsx download (the rota page links to it). */
@Controller
class RotaExportController {

    private final RotaExport rotaExport;

    RotaExportController(RotaExport rotaExport) {
        this.rotaExport = rotaExport;
    }

    @GetMapping("/rotas/{id}/export.xlsx")
    void export(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        byte[] xlsx = rotaExport.export(user, id, LocaleContextHolder.getLocale());
        XlsxDownload.headers(response, RotaExport.fileName(id));
        response.getOutputStream().write(xlsx);
    }
}
