package org.haolin.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;

/** Turns refusals into answers in the reader's language: problem JSON for the API, an error page for pages. */
final class ErrorAnswers {

    private ErrorAnswers() {
    }

    @RestControllerAdvice(annotations = RestController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Api {

        private final MessageSource messages;

        Api(MessageSource messages) {
            this.messages = messages;
        }

        @ExceptionHandler(DomainException.class)
        ProblemDetail refused(DomainException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(),
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
            problem.setProperty("code", e.messageKey());
            return problem;
        }

        @ExceptionHandler(MethodArgumentNotValidException.class)
        ProblemDetail invalid(MethodArgumentNotValidException e) {
            ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
            problem.setDetail(e.getBindingResult().getFieldErrors().stream()
                    .map(f -> f.getField() + ": " + messages.getMessage(f, LocaleContextHolder.getLocale()))
                    .reduce((a, b) -> a + "; " + b).orElse("invalid request"));
            return problem;
        }
    }

    @ControllerAdvice(annotations = Controller.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class Pages {

        private final MessageSource messages;

        Pages(MessageSource messages) {
            this.messages = messages;
        }

        @ExceptionHandler(DomainException.class)
        ModelAndView refused(DomainException e, HttpServletRequest request, HttpServletResponse response) {
            response.setStatus(e.status().value());
            boolean htmx = request.getHeader("HX-Request") != null;
            ModelAndView page = new ModelAndView(htmx ? "error :: alert" : "error");
            page.setStatus(e.status());
            page.addObject("status", e.status().value());
            page.addObject("message",
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
            return page;
        }
    }
}
