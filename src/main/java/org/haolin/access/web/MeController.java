package org.haolin.access.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.haolin.access.HaolinUser;
import org.haolin.access.IssuedToken;
import org.haolin.access.MyAccount;
import org.haolin.access.internal.SignedInSessions;
import org.haolin.platform.DomainException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My account": roles, password, optional second factor, API tokens. Only ever the signed-in person's own. */
@Controller
class MeController {

    /** A secret offered on this page, kept in the session until a code confirms it. */
    static final String ENROLLING = "haolin.me.enrolling";

    private final MyAccount myAccount;
    private final SignedInSessions sessions;

    MeController(MyAccount myAccount, SignedInSessions sessions) {
        this.myAccount = myAccount;
        this.sessions = sessions;
    }

    @GetMapping("/me")
    String show(@AuthenticationPrincipal HaolinUser me, HttpSession session, Model model) {
        model.addAttribute("profile", myAccount.profile(me));
        String enrolling = (String) session.getAttribute(ENROLLING);
        if (enrolling != null) {
            LoginController.Enrolment.show(model, me, enrolling);
        }
        return "me/show";
    }

    @PostMapping("/me/password")
    String processPasswordForm(@AuthenticationPrincipal HaolinUser me, @RequestParam(required = false) String current,
                               @RequestParam(required = false) String password,
                               @RequestParam(required = false) String repeat, HttpSession session, Model model,
                               HttpServletResponse response, RedirectAttributes redirect) {
        try {
            myAccount.changePassword(me, current, password, repeat);
        } catch (DomainException refused) {
            Refusals.show(refused, model, response);
            return show(me, session, model);
        }
        sessions.endAllBut(me.username(), session.getId()); // whoever had the old password is out now
        redirect.addFlashAttribute("done", "me.password.changed");
        return "redirect:/me";
    }

    @PostMapping("/me/email")
    String processEmailForm(@AuthenticationPrincipal HaolinUser me, @RequestParam(required = false) String email,
                            HttpSession session, Model model, HttpServletResponse response,
                            RedirectAttributes redirect) {
        try {
            myAccount.changeEmail(me, email);
        } catch (DomainException refused) {
            Refusals.show(refused, model, response);
            return show(me, session, model);
        }
        redirect.addFlashAttribute("done", "notify.email.changed");
        return "redirect:/me#email";
    }

    @PostMapping("/me/second-factor/start")
    String startSecondFactor(@AuthenticationPrincipal HaolinUser me, HttpSession session) {
        session.setAttribute(ENROLLING, myAccount.newSecondFactorSecret());
        return "redirect:/me#second-factor";
    }

    @PostMapping("/me/second-factor")
    String processSecondFactorForm(@AuthenticationPrincipal HaolinUser me, @RequestParam(required = false) String code,
                                   HttpSession session, Model model, HttpServletResponse response,
                                   RedirectAttributes redirect) {
        try {
            myAccount.enrolSecondFactor(me, (String) session.getAttribute(ENROLLING), code);
        } catch (DomainException refused) {
            Refusals.show(refused, model, response);
            return show(me, session, model);
        }
        session.removeAttribute(ENROLLING);
        redirect.addFlashAttribute("done", "me.secondFactor.added");
        return "redirect:/me";
    }

    @PostMapping("/me/second-factor/cancel")
    String cancelSecondFactor(HttpSession session) {
        session.removeAttribute(ENROLLING);
        return "redirect:/me";
    }

    @PostMapping("/me/second-factor/remove")
    String processRemoveSecondFactorForm(@AuthenticationPrincipal HaolinUser me,
                                         @RequestParam(required = false) String code, HttpSession session,
                                         Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            myAccount.removeSecondFactor(me, code);
        } catch (DomainException refused) {
            Refusals.show(refused, model, response);
            return show(me, session, model);
        }
        redirect.addFlashAttribute("done", "me.secondFactor.removed");
        return "redirect:/me";
    }

    @PostMapping("/me/tokens")
    String processTokenForm(@AuthenticationPrincipal HaolinUser me, @RequestParam(required = false) String name,
                            HttpSession session, Model model, HttpServletResponse response,
                            RedirectAttributes redirect) {
        IssuedToken token;
        try {
            token = myAccount.createToken(me, name);
        } catch (DomainException refused) {
            Refusals.show(refused, model, response);
            return show(me, session, model);
        }
        redirect.addFlashAttribute("newToken", token.token());
        return "redirect:/me#tokens";
    }

    @PostMapping("/me/tokens/{id}/revoke")
    String processRevokeForm(@AuthenticationPrincipal HaolinUser me, @PathVariable long id,
                             RedirectAttributes redirect) {
        myAccount.revokeToken(me, id);
        redirect.addFlashAttribute("done", "me.token.revoked");
        return "redirect:/me#tokens";
    }
}
