package org.haolin.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.function.Supplier;

/**
 * How a page's form makes a change: done, the person is sent on with a confirmation (a message key as "done");
 * refused for something they can correct, the same page is drawn again with the reason as "problem" and the
 * refusal's status. "Not found" and "forbidden" go to the error page: there is nothing to correct on this page.
 */
public final class FormChange {

    private FormChange() {
    }

    public static String attempt(Runnable change, String doneKey, String redirect, Supplier<String> redraw, Model model,
                                 HttpServletResponse response, RedirectAttributes redirectAttributes) {
        try {
            change.run();
        } catch (DomainException refused) {
            if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
                throw refused;
            }
            response.setStatus(refused.status().value());
            model.addAttribute("problem", refused);
            return redraw.get();
        }
        redirectAttributes.addFlashAttribute("done", doneKey);
        return "redirect:" + redirect;
    }
}
