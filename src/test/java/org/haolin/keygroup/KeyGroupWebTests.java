package org.haolin.keygroup;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.roster.Sheets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HaolinTest
class KeyGroupWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTown testTown;
    @Autowired
    Accounts accounts;
    @Autowired
    KeyGroupLists lists;
    @Autowired
    KeyGroupRows rows;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    @Test
    void theOfficePushesThroughTheApiAndTheSamePushAgainFindsTheFirstList() throws Exception {
        String body = """
                {"reference":"api-%d","tagCode":"OUT_OF_CENTRAL_QUARANTINE","title":"第3批",
                 "rows":[{"name":"%s","idNumber":"%s"},{"name":"%s","address":"海韵苑12号楼1单元101室","status":"在管"}]}
                """.formatted(town.n(), town.names().get(0), town.idNumbers().get(0), town.names().get(3));
        String token = accounts.createToken(town.epidemicOffice().accountId(), "office system");

        mvc.perform(post("/api/v1/keygroup-lists").header("Authorization", "Bearer " + token)
                        .contentType("application/json").content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.existing").value(false))
                .andExpect(jsonPath("$.list.counts.matched").value(2))
                .andExpect(jsonPath("$.list.counts.applied").value(2));
        mvc.perform(post("/api/v1/keygroup-lists").header("Authorization", "Bearer " + token)
                        .contentType("application/json").content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.existing").value(true));
        mvc.perform(get("/api/v1/keygroup-lists").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").value("第3批"));
    }

    @Test
    void aRefusedPushNamesEachRowAndFieldInTheReadersLanguage() throws Exception {
        String token = accounts.createToken(town.epidemicOffice().accountId(), "office system");
        mvc.perform(post("/api/v1/keygroup-lists").header("Authorization", "Bearer " + token)
                        .header("Accept-Language", "zh-CN").contentType("application/json")
                        .content("""
                                {"tagCode":"OUT_OF_CENTRAL_QUARANTINE","title":"t",
                                 "rows":[{"name":"某","idNumber":"31012019480101123"}]}
                                """))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rows[0].row").value(1))
                .andExpect(jsonPath("$.rows[0].field").value("ID_NUMBER"))
                .andExpect(jsonPath("$.rows[0].reason").value(containsString("第1行，身份证号")));
    }

    @Test
    void theOfficeUploadsAFileSeesItMatchedAndAppliesIt() throws Exception {
        byte[] file = Sheets.xlsx(List.of("姓名", "身份证号", "地址"), List.of(
                List.of(town.names().get(0), town.idNumbers().get(0), ""),
                List.of("无名氏", "", "星火一村5号楼2单元502室")));
        String location = mvc.perform(multipart("/keygroup-lists")
                        .file(new MockMultipartFile("file", "list.xlsx", null, file))
                        .param("tagCode", "OUT_OF_CENTRAL_QUARANTINE").param("title", "上传的名单")
                        .with(as(town.epidemicOffice())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/keygroup-lists/*"))
                .andReturn().getResponse().getRedirectedUrl();

        mvc.perform(get(location).with(as(town.epidemicOffice())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("上传的名单")))
                .andExpect(content().string(containsString("id=\"apply\"")))
                .andExpect(content().string(not(containsString(town.idNumbers().get(0)))));
        mvc.perform(post(location + "/apply").with(as(town.epidemicOffice())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(as(town.epidemicOffice())))
                .andExpect(content().string(not(containsString("id=\"apply\""))));
        mvc.perform(get("/keygroup-lists").with(as(town.epidemicOffice())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("上传的名单")));
    }

    @Test
    void aBadUploadShowsEveryProblemOnTheForm() throws Exception {
        byte[] file = Sheets.xlsx(List.of("姓名", "手机号"), List.of(List.of("某", "12345")));
        mvc.perform(multipart("/keygroup-lists").file(new MockMultipartFile("file", "list.xlsx", null, file))
                        .param("tagCode", "OUT_OF_CENTRAL_QUARANTINE").param("title", "t")
                        .with(as(town.epidemicOffice())).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("第2行，手机号")));
    }

    @Test
    void areaStaffSettleTheirRowsOnThePhoneAndBuildingLeadersSeeNoList() throws Exception {
        Pushed pushed = lists.push(town.epidemicOffice(), new NewKeyGroupList(null, "OUT_OF_CENTRAL_QUARANTINE", "t",
                null, List.of(new NewKeyGroupRow("无名氏", null, null, "星火一村5号楼2单元502室", null, null, null))));
        long rowId = rows.rows(town.epidemicOffice(), pushed.list().id(), RowFilter.ALL, 0).getFirst().id();
        String rowPage = "/keygroup-lists/" + pushed.list().id() + "/rows/" + rowId;

        mvc.perform(get("/keygroup-lists/waiting").with(as(town.socialWorker1())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("无名氏")));
        mvc.perform(get(rowPage).with(as(town.socialWorker1())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"create\"")))
                .andExpect(content().string(containsString("id=\"return\"")));
        mvc.perform(post(rowPage + "/return").param("reason", "查无此人").with(as(town.socialWorker1())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(rowPage).with(as(town.socialWorker1())))
                .andExpect(content().string(containsString("查无此人")))
                .andExpect(content().string(not(containsString("id=\"return\""))));

        mvc.perform(get("/keygroup-lists/" + pushed.list().id()).with(as(town.leader1())))
                .andExpect(status().isNotFound());
        String page = mvc.perform(get("/keygroup-lists").with(as(town.leader1())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("无名氏").doesNotContain("id=\"upload\"");
    }

    @Test
    void theRowsFragmentSwapsInAnotherOutcome() throws Exception {
        Pushed pushed = lists.push(town.epidemicOffice(), new NewKeyGroupList(null, "OUT_OF_CENTRAL_QUARANTINE", "t",
                null, List.of(new NewKeyGroupRow(town.names().get(0), town.idNumbers().get(0), null, null, null, null, null),
                new NewKeyGroupRow("无名氏", null, "13700000000", null, null, null, null))));
        mvc.perform(get("/keygroup-lists/" + pushed.list().id() + "/rows").param("filter", "UNMATCHED")
                        .header("HX-Request", "true").with(as(town.epidemicOffice())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("无名氏")))
                .andExpect(content().string(not(containsString(town.names().get(0)))))
                .andExpect(content().string(not(containsString("<html"))));
    }

    private static RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }
}
