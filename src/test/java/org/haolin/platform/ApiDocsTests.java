package org.haolin.platform;

import org.haolin.HaolinTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@HaolinTest
class ApiDocsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theApiDescriptionListsTheScanPathOnceBesideTheRest() throws Exception {
        var answer = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(200);
        String docs = answer.getContentAsString();
        assertThat(docs.split("\"/api/v1/campaigns/\\{id}/checkins\"", -1)).hasSize(2);
        assertThat(docs).contains("\"/api/v1/ping\"", "\"/api/v1/campaigns\"");
    }
}
