package org.haolin.access.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.platform.DomainException;
import org.springframework.ui.Model;

/**
 * A refused form is shown again, on its own page, with the reason in the reader's language and the
 * refusal's HTTP status; nothing the person typed elsewhere on the page is lost.
 */
final class Refusals {

    private Refusals() {
    }

    static void show(DomainException refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal.status().value());
        model.addAttribute("problem", refusal);
    }
}
