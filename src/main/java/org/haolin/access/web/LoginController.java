package org.haolin.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.haolin.access.HaolinUser;
import org.haolin.platform.QrCodeSvg;
import org.haolin.access.internal.SecondFactor;
import org.haolin.access.internal.SecondFactorSignIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /** The secret shown to an account enrolling at sign-in, kept until a code proves the app has it. */
    static final String ENROLLING = "haolin.secondFactor.enrolling";

    private final SecondFactor secondFactor;
    private final SecondFactorSignIn signIn;

    LoginController(SecondFactor secondFactor, SecondFactorSignIn signIn) {
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
        if (!secondFactor.enrolled(user.accountId())) {
            String secret = (String) session.getAttribute(ENROLLING);
            if (secret == null) {
                secret = SecondFactor.newSecret();
                session.setAttribute(ENROLLING, secret);
            }
            Enrolment.show(model, user, secret);
        }
        return "login-second-factor";
    }

    @PostMapping("/login/second-factor")
    String processSecondFactor(@AuthenticationPrincipal HaolinUser user, @RequestParam(required = false) String code,
                               HttpSession session, HttpServletRequest request, HttpServletResponse response) {
        String enrolling = (String) session.getAttribute(ENROLLING);
        return switch (signIn.complete(user, enrolling, code, request, response)) {
            case SIGNED_IN -> {
                request.getSession().removeAttribute(ENROLLING);
                yield "redirect:/";
            }
            case WRONG_CODE -> "redirect:/login/second-factor?error";
            case LOCKED -> "redirect:/login?locked";
        };
    }

    /** What an enrolment page shows: the secret as text, as an otpauth link, and as a QR code. */
    static final class Enrolment {

        private Enrolment() {
        }

        static void show(Model model, HaolinUser user, String secret) {
            String uri = SecondFactor.otpauthUri(user.username(), secret);
            model.addAttribute("enrolSecret", secret);
            model.addAttribute("enrolUri", uri);
            model.addAttribute("enrolQr", QrCodeSvg.of(uri));
        }
    }
}
