package org.haolin.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.access.internal.SecondFactor;
import org.haolin.access.internal.SessionSignIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

@Controller
class LoginController {

    private static final String ENROLLING = "haolin.secondFactor.enrolling";

    private final Accounts accounts;
    private final SecondFactor secondFactor;
    private final SessionSignIn signIn;

    LoginController(Accounts accounts, SecondFactor secondFactor, SessionSignIn signIn) {
        this.accounts = accounts;
        this.secondFactor = secondFactor;
        this.signIn = signIn;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Asks for the code; an account that must have a second factor and has none enrols here first. */
    @GetMapping("/login/second-factor")
    String secondFactorForm(@AuthenticationPrincipal HaolinUser user, HttpSession session, Model model) {
        if (accounts.secondFactorSecret(user.accountId()).isEmpty()) {
            String secret = (String) Optional.ofNullable(session.getAttribute(ENROLLING))
                    .orElseGet(secondFactor::newSecret);
            session.setAttribute(ENROLLING, secret);
            model.addAttribute("enrolSecret", secret);
            model.addAttribute("enrolUri", SecondFactor.otpauthUri(user.username(), secret));
        }
        return "login-second-factor";
    }

    @PostMapping("/login/second-factor")
    String processSecondFactor(@AuthenticationPrincipal HaolinUser user, @RequestParam String code,
                               HttpSession session, HttpServletRequest request, HttpServletResponse response) {
        String enrolling = (String) session.getAttribute(ENROLLING);
        String secret = accounts.secondFactorSecret(user.accountId()).orElse(enrolling);
        if (!secondFactor.accepts(secret, code)) {
            return "redirect:/login/second-factor?error";
        }
        if (enrolling != null && secret.equals(enrolling)) {
            accounts.setSecondFactorSecret(user.accountId(), enrolling);
            session.removeAttribute(ENROLLING);
        }
        signIn.complete(user, request, response);
        return "redirect:/";
    }
}
