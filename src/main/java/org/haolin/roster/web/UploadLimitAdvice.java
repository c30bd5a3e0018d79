package org.haolin.roster.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.haolin.roster.internal.ImportLimits;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An upload above the server's multipart limit is refused before any controller runs; the person still gets
 * the import's own "file too large" message (problem JSON for the API, the error page otherwise).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before the generic problem-details handler, which knows no zh/en message
class UploadLimitAdvice {

    private final MessageSource messages;
    private final JsonMapper json;

    UploadLimitAdvice(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /**
     * No handler is known yet when the upload is refused, so the answer's form follows the path: problem JSON
     * written directly for the API (an empty view means "answered"), the error page otherwise.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String message = messages.getMessage("import.file.tooLarge", new Object[]{ImportLimits.maxMegabytes()},
                LocaleContextHolder.getLocale());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("title", HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
            problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
            problem.put("detail", message);
            problem.put("code", "import.file.tooLarge");
            problem.put("instance", request.getRequestURI());
            json.writeValue(response.getWriter(), problem);
            return new ModelAndView();
        }
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        ModelAndView page = new ModelAndView("error");
        page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        page.addObject("status", HttpStatus.CONTENT_TOO_LARGE.value());
        page.addObject("message", message);
        return page;
    }
}
