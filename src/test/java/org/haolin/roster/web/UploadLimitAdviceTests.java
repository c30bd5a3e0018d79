package org.haolin.roster.web;

import org.haolin.HaolinTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads above the servlet's multipart limit never reach a controller (and MockMvc does not enforce the
 * limit), so the advice that answers them is called as the dispatcher would call it.
 */
@HaolinTest
class UploadLimitAdviceTests {

    @Autowired
    MessageSource messages;

    @Test
    void theApiAnswersProblemJsonAndPagesTheErrorPage() {
        UploadLimitAdvice advice = new UploadLimitAdvice(messages);

        Object api = advice.tooLarge(new MockHttpServletRequest("POST", "/api/v1/residents/import"), new MockHttpServletResponse());
        assertThat(api).isInstanceOfSatisfying(ResponseEntity.class, r -> {
            assertThat(r.getStatusCode().value()).isEqualTo(413);
            assertThat(((ProblemDetail) r.getBody()).getProperties()).containsEntry("code", "import.file.tooLarge");
        });

        MockHttpServletResponse response = new MockHttpServletResponse();
        Object page = advice.tooLarge(new MockHttpServletRequest("POST", "/imports"), response);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(page).isInstanceOfSatisfying(ModelAndView.class, m ->
                assertThat((String) m.getModel().get("message")).contains("50 MB"));
    }
}
