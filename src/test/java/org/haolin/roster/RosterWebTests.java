package org.haolin.roster;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.resident.MainlandIdNumber;
import org.haolin.roster.internal.JobStore;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static haolin.schema.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The import and export endpoints, pages and API, as each kind of user meets them; nobody out of scope gets a file. */
@HaolinTest
class RosterWebTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTown testTown;
    @Autowired
    Accounts accounts;
    @Autowired
    JobStore jobs;
    @Autowired
    DSLContext db;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    static RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }

    /** A real bearer token of the person's own, as an API client would send it. */
    RequestPostProcessor bearer(HaolinUser user) {
        String token = accounts.createToken(user.accountId(), "test");
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    String newId(int i) {
        return MainlandIdNumber.compose("310120", LocalDate.of(1950 + i, 1 + town.n() % 12, 3 + i), (town.n() * 11 + i) % 900 + 11);
    }

    byte[] roster(String room, String id) {
        return Sheets.xlsx(Sheets.ZH, List.<List<String>>of(Sheets.zh("贺新", id, "", "星火一村", "5号楼", "2单元", room, "")));
    }

    @Test
    void theStairwellExportIsMaskedAndAudited() throws Exception {
        MvcResult result = mvc.perform(get("/stairwells/{id}/roster.xlsx", town.stairwell1().id()).with(as(town.secretary1())))
                .andExpect(status().isOk()).andExpect(content().contentType(XLSX)).andReturn();

        List<List<String>> rows = Sheets.read(result.getResponse().getContentAsByteArray());
        assertThat(rows.getFirst()).startsWith("小区", "楼号", "单元", "室号", "姓名", "性别", "年龄", "证件类型", "证件号码", "手机号", "标签");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).startsWith("星火一村", "5号楼", "2单元", "301", town.names().getFirst(), "男");
        String id = town.idNumbers().getFirst();
        assertThat(rows.get(1).get(8)).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(rows.get(1).get(9)).isEqualTo(org.haolin.platform.Masking.phone(town.phones().getFirst()));
        assertThat(rows.get(1).get(10)).isEqualTo("80岁以上高龄独居老人");
        assertThat(rows.stream().flatMap(List::stream)).noneMatch(cell -> town.idNumbers().contains(cell)
                || cell.contains(town.phones().getFirst()));
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("EXPORT"),
                AUDIT_EVENT.OBJECT_ID.eq(town.stairwell1().id()), AUDIT_EVENT.USERNAME.eq(town.secretary1().username())))
                .isEqualTo(1);
    }

    @Test
    void areaExportsCoverEveryStairwellInScopeInEnglishToo() throws Exception {
        MvcResult town1 = mvc.perform(get("/areas/{id}/roster.xlsx", town.town().id()).param("lang", "en")
                .with(as(town.townAdmin()))).andExpect(status().isOk()).andReturn();
        List<List<String>> rows = Sheets.read(town1.getResponse().getContentAsByteArray());
        assertThat(rows.getFirst()).startsWith("Compound", "Building", "Stairwell", "Room", "Name");
        assertThat(rows).hasSize(6);

        MvcResult api = mvc.perform(get("/api/v1/areas/{id}/roster.xlsx", town.compound1().id()).with(bearer(town.secretary1())))
                .andExpect(status().isOk()).andReturn();
        assertThat(Sheets.read(api.getResponse().getContentAsByteArray())).hasSize(4);
    }

    @Test
    void nobodyOutsideTheAreaGetsAnExport() throws Exception {
        long stairwell = town.stairwell1().id();
        mvc.perform(get("/stairwells/{id}/roster.xlsx", stairwell).with(as(town.leader2())))
                .andExpect(status().isNotFound()).andExpect(header().doesNotExist("Content-Disposition"));
        mvc.perform(get("/stairwells/{id}/roster.xlsx", stairwell).with(as(town.partyMember1())))
                .andExpect(status().isNotFound()).andExpect(header().doesNotExist("Content-Disposition"));
        mvc.perform(get("/areas/{id}/roster.xlsx", town.compound1().id()).with(as(town.leader2())))
                .andExpect(status().isNotFound()).andExpect(header().doesNotExist("Content-Disposition"));
        mvc.perform(get("/areas/{id}/roster.xlsx", town.town().id()).with(as(town.secretary1())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/stairwells/{id}/roster.xlsx", stairwell).with(bearer(town.leader2())))
                .andExpect(status().isNotFound()).andExpect(header().doesNotExist("Content-Disposition"));
        mvc.perform(get("/api/v1/areas/{id}/roster.xlsx", town.area1().id()).with(bearer(town.claimer())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/stairwells/{id}/roster.xlsx", stairwell)).andExpect(status().isUnauthorized());
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("EXPORT"), AUDIT_EVENT.OBJECT_ID.eq(stairwell)))
                .isZero();
    }

    @Test
    void theApiImportAnswersCountsAndRejectedRows() throws Exception {
        MockMultipartFile good = new MockMultipartFile("file", "roster.xlsx", XLSX, roster("1601", newId(1)));
        mvc.perform(multipart("/api/v1/residents/import").file(good).param("dryRun", "true").with(bearer(town.secretary1())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true)).andExpect(jsonPath("$.saved").value(false))
                .andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.rejected").value(0));

        byte[] bad = Sheets.xlsx(Sheets.ZH, List.of(
                Sheets.zh("贺新", newId(2), "", "星火一村", "5号楼", "2单元", "1602", ""),
                Sheets.zh("贺旧", newId(3), "12345", "星火一村", "5号楼", "2单元", "1603", "")));
        mvc.perform(multipart("/api/v1/residents/import").file(new MockMultipartFile("file", "r.xlsx", XLSX, bad))
                        .param("dryRun", "false").param("lang", "en").with(bearer(town.secretary1())))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.saved").value(false)).andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.rejectedRows[0].row").value(3))
                .andExpect(jsonPath("$.rejectedRows[0].field").value("PHONE"))
                .andExpect(jsonPath("$.rejectedRows[0].column").value("手机号"))
                .andExpect(jsonPath("$.rejectedRows[0].reason").value("Phone: is not a phone number: give an 11-digit mobile number or a landline with its area code."));

        mvc.perform(multipart("/api/v1/residents/import").file(good).param("dryRun", "false").with(bearer(town.secretary1())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.saved").value(true)).andExpect(jsonPath("$.created").value(1));
    }

    @Test
    void theApiRefusesBadFilesAndPeopleWhoMayNotImport() throws Exception {
        MockMultipartFile csv = new MockMultipartFile("file", "roster.xlsx", "text/csv", "姓名,身份证号\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/residents/import").file(csv).with(bearer(town.secretary1())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("import.file.notXlsx"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不是 Excel 的 .xlsx 文件")));
        MockMultipartFile good = new MockMultipartFile("file", "roster.xlsx", XLSX, roster("1701", newId(4)));
        mvc.perform(multipart("/api/v1/residents/import").file(good).with(bearer(town.leader1()))).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/residents/import").file(good)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/residents/import/template").with(bearer(town.leader1())))
                .andExpect(status().isOk()).andExpect(content().contentType(XLSX));
    }

    @Test
    void theApiHonoursTheIdempotencyKey() throws Exception {
        MockMultipartFile good = new MockMultipartFile("file", "roster.xlsx", XLSX, roster("1801", newId(5)));
        String key = UUID.randomUUID().toString();
        String first = mvc.perform(multipart("/api/v1/residents/import").file(good).param("dryRun", "false")
                .header("Idempotency-Key", key).with(bearer(town.secretary1()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String again = mvc.perform(multipart("/api/v1/residents/import").file(good).param("dryRun", "false")
                .header("Idempotency-Key", key).with(bearer(town.secretary1()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void theImportPageRunsAJobItsOwnerCanLeaveAndComeBackTo() throws Exception {
        mvc.perform(get("/imports").with(as(town.secretary1()))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"dryRun\"")));
        MockMultipartFile file = new MockMultipartFile("file", "星火一村.xlsx", XLSX, Sheets.xlsx(Sheets.ZH, List.of(
                Sheets.zh("贺新", newId(6), "", "星火一村", "5号楼", "2单元", "1901", ""),
                Sheets.zh("贺旧", newId(7), "123", "星火一村", "5号楼", "2单元", "1902", ""))));
        String key = UUID.randomUUID().toString();
        String location = mvc.perform(multipart("/imports").file(file).param("dryRun", "true").param("key", key)
                        .with(csrf()).with(as(town.secretary1())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/imports/\\d+");
        String again = mvc.perform(multipart("/imports").file(file).param("dryRun", "true").param("key", key)
                        .with(csrf()).with(as(town.secretary1())))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(again).isEqualTo(location);

        String fragment = "";
        for (int i = 0; i < 120 && !fragment.contains("id=\"result\""); i++) {
            Thread.sleep(500);
            fragment = mvc.perform(get(location + "/progress").with(as(town.secretary1())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }
        assertThat(fragment).contains("id=\"result\"").doesNotContain("hx-trigger")
                .contains("试导入完成").contains("贺旧").contains("手机号：不是有效的电话号码");

        mvc.perform(get(location).with(as(town.secretary1()))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("rejected.xlsx")));
        mvc.perform(get(location).with(as(town.townAdmin()))).andExpect(status().isOk());
        mvc.perform(get(location + "/rejected.xlsx").with(as(town.secretary1())))
                .andExpect(status().isOk()).andExpect(content().contentType(XLSX));
        for (HaolinUser stranger : List.of(town.socialWorker1(), town.leader1(), town.epidemicOffice())) {
            mvc.perform(get(location).with(as(stranger))).andExpect(status().isNotFound());
            mvc.perform(get(location + "/progress").with(as(stranger))).andExpect(status().isNotFound());
            mvc.perform(get(location + "/rejected.xlsx").with(as(stranger)))
                    .andExpect(status().isNotFound()).andExpect(header().doesNotExist("Content-Disposition"));
        }
    }

    @Test
    void aRunningJobsFragmentPollsEverySecond() throws Exception {
        HaolinUser owner = town.secretary1();
        long id = jobs.create(new JobStore.NewJob(RosterJob.Kind.IMPORT, true, owner.accountId(), town.town().id(),
                town.area1().id(), town.area1().path(), UUID.randomUUID().toString(), "x.xlsx")).id();
        jobs.progress(id, RosterJob.Phase.CHECKING, 500, 1000);
        mvc.perform(get("/imports/{id}/progress", id).with(as(owner))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("hx-trigger=\"every 1s\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("aria-valuenow=\"35\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("正在检查：第 500 行，共 1,000 行")));
    }

    @Test
    void aBuildingLeaderCannotUploadButGetsTheTemplate() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "r.xlsx", XLSX, roster("2001", newId(8)));
        mvc.perform(multipart("/imports").file(file).with(csrf()).with(as(town.leader1()))).andExpect(status().isForbidden());
        mvc.perform(get("/imports/template.xlsx").with(as(town.leader1()))).andExpect(status().isOk())
                .andExpect(content().contentType(XLSX));
    }

    @Test
    void aWholeAreaExportsAsAJobThatOnlyItsOwnerDownloads() throws Exception {
        mvc.perform(get("/areas/{id}", town.compound1().id()).with(as(town.secretary1()))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"area-export\"")));
        String location = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/areas/{id}/exports", town.compound1().id()).with(csrf()).with(as(town.secretary1())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/exports/\\d+");

        String fragment = "";
        for (int i = 0; i < 120 && !fragment.contains("id=\"result\""); i++) {
            Thread.sleep(500);
            fragment = mvc.perform(get(location + "/progress").with(as(town.secretary1())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }
        assertThat(fragment).contains("已导出 3 名居民").contains("/file").doesNotContain("hx-trigger");
        MvcResult file = mvc.perform(get(location + "/file").with(as(town.secretary1())))
                .andExpect(status().isOk()).andExpect(content().contentType(XLSX)).andReturn();
        assertThat(Sheets.read(file.getResponse().getContentAsByteArray())).hasSize(4);

        for (HaolinUser stranger : List.of(town.leader2(), town.socialWorker1())) {
            mvc.perform(get(location).with(as(stranger))).andExpect(status().isNotFound());
            mvc.perform(get(location + "/file").with(as(stranger)))
                    .andExpect(status().isNotFound()).andExpect(header().doesNotExist("Content-Disposition"));
        }
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/areas/{id}/exports", town.compound2().id()).with(csrf()).with(as(town.secretary1())))
                .andExpect(status().isNotFound());
    }
}
