package org.haolin.roster.web;

import org.haolin.HaolinTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads above the servlet's multipart limit never reach a controller (and MockMvc does not enforce the
 * limit), so the advice that answers them is called as the dispatcher would call it.
 */
@HaolinTest
class UploadLimitAdviceTests {

    @Autowired
    MessageSource messages;
    @Autowired
    JsonMapper json;

    @Test
    void theApiAnswersProblemJsonAndPagesTheErrorPage() throws Exception {
        UploadLimitAdvice advice = new UploadLimitAdvice(messages, json);

        MockHttpServletResponse apiResponse = new MockHttpServletResponse();
        ModelAndView api = advice.tooLarge(new MockHttpServletRequest("POST", "/api/v1/residents/import"), apiResponse);
        assertThat(api.isEmpty()).isTrue();
        assertThat(apiResponse.getStatus()).isEqualTo(413);
        assertThat(apiResponse.getContentType()).startsWith("application/problem+json");
        assertThat(apiResponse.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"code\":\"import.file.tooLarge\"", "50 MB");

        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView page = advice.tooLarge(new MockHttpServletRequest("POST", "/imports"), response);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(page).isInstanceOfSatisfying(ModelAndView.class, m ->
                assertThat((String) m.getModel().get("message")).contains("50 MB"));
    }
}
