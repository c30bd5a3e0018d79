package org.haolin.resident;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static haolin.schema.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The catalogue is shared by all towns, so each test works on tags it made itself, with codes of its own. */
@HaolinTest
class TagCatalogueTests {

    @Autowired
    TestTown testTown;
    @Autowired
    MockMvc mvc;
    @Autowired
    TagCatalogue catalogue;
    @Autowired
    Residents residents;
    @Autowired
    DSLContext db;

    TestTown.Town town;
    String code;

    @BeforeEach
    void setUp() {
        town = testTown.create();
        code = "TYPHOON_SHELTER_" + town.n();
    }

    @Test
    void aTownAdministratorSeesTheCatalogueByCategoryAndAddsATag() throws Exception {
        String page = as(town.townAdmin(), get("/tags")).getContentAsString();
        assertThat(page).contains("低保", "tag-MINIMUM_LIVING_ALLOWANCE", "category-HARDSHIP");

        MockHttpServletResponse added = as(town.townAdmin(), post("/tags").param("code", code.toLowerCase())
                .param("category", "STATUS").param("nameZh", "台风转移安置").param("nameEn", "Moved to a typhoon shelter"));
        assertThat(added.getRedirectedUrl()).isEqualTo("/tags");
        assertThat(residents.catalogue()).extracting(Tag::code).contains(code);

        residents.addTag(town.leader1(), town.residents().getFirst(), code, null, TagSource.MANUAL, null);
        assertThat(residents.roster(town.leader1(), town.stairwell1().id()).entries().getFirst().tags())
                .extracting(CurrentTag::nameZh).contains("台风转移安置");
        assertThat(audited()).containsExactly("added " + code);
    }

    @Test
    void badInputIsRefusedWithAMessageNamingTheFieldAndWhatWasTypedStays() throws Exception {
        MockHttpServletResponse badCode = add("9LIVES", "STATUS", "名称", "Name");
        assertThat(badCode.getStatus()).isEqualTo(400);
        assertThat(badCode.getContentAsString()).contains("代码：", "9LIVES");

        MockHttpServletResponse noName = add(code, "STATUS", "  ", "Name");
        assertThat(noName.getStatus()).isEqualTo(400);
        assertThat(noName.getContentAsString()).contains("中文名称：请填写 1 到 40 个字符");

        MockHttpServletResponse longEnglish = as(town.townAdmin(), post("/tags").param("code", code).param("category", "STATUS")
                .param("nameZh", "名称").param("nameEn", "x".repeat(81)).param("lang", "en"));
        assertThat(longEnglish.getContentAsString()).contains("English name: give 1 to 80 characters.");

        assertThat(add(code, "WEATHER", "名称", "Name").getContentAsString()).contains("类别：");

        add(code, "STATUS", "名称", "Name");
        MockHttpServletResponse again = add(code, "KEY_GROUP", "别的", "Other");
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("代码：标签 " + code + " 已经存在");
    }

    @Test
    void namesAreEditedAndARetiredTagLeavesThePickersButNotTheHistory() throws Exception {
        Tag tag = catalogue.add(town.townAdmin(), code, "KEY_GROUP", "临时", "Temporary");
        long resident = town.residents().getFirst();
        residents.addTag(town.leader1(), resident, code, null, TagSource.MANUAL, null);

        as(town.townAdmin(), post("/tags/{id}", tag.id()).param("nameZh", "台风撤离").param("nameEn", "Typhoon evacuee"));
        assertThat(as(town.townAdmin(), post("/tags/{id}/active", tag.id()).param("active", "false")).getRedirectedUrl())
                .isEqualTo("/tags");

        assertThat(catalogue.all(town.townAdmin())).filteredOn(t -> t.code().equals(code))
                .extracting(Tag::nameZh, Tag::active).containsExactly(org.assertj.core.groups.Tuple.tuple("台风撤离", false));
        assertThatThrownBy(() -> residents.addTag(town.leader1(), town.residents().get(1), code, null, TagSource.MANUAL, null))
                .isInstanceOf(DomainException.class).hasMessage("tag.unknown");
        assertThat(residents.detail(town.leader1(), resident).tagHistory()).extracting(CurrentTag::code).contains(code);
        assertThat(as(town.leader1(), get("/residents/{id}", resident)).getContentAsString())
                .doesNotContain("value=\"" + code + "\"");

        as(town.townAdmin(), post("/tags/{id}/active", tag.id()).param("active", "true"));
        residents.addTag(town.leader1(), town.residents().get(1), code, null, TagSource.MANUAL, null);
        assertThat(audited()).containsExactly("added " + code, "renamed " + code, "retired " + code, "reactivated " + code);
    }

    @Test
    void nobodyButTownAdministratorsKeepsTheCatalogue() throws Exception {
        Tag tag = catalogue.add(town.townAdmin(), code, "STATUS", "原名", "Original");
        for (HaolinUser user : List.of(town.leader1(), town.secretary1(), town.epidemicOffice(), town.claimer(),
                town.systemAdmin())) {
            for (MockHttpServletRequestBuilder request : List.of(get("/tags"),
                    post("/tags").param("code", code + "_X").param("category", "STATUS").param("nameZh", "x").param("nameEn", "x"),
                    post("/tags/{id}", tag.id()).param("nameZh", "改名").param("nameEn", "Renamed"),
                    post("/tags/{id}/active", tag.id()).param("active", "false"),
                    post("/tags/{id}/rule", tag.id()).param("attentionDays", "3"))) {
                MockHttpServletResponse answer = as(user, request);
                assertThat(answer.getStatus()).as(user.username() + " " + request).isEqualTo(403);
                assertThat(answer.getContentAsString()).doesNotContain("原名");
            }
        }
        assertThat(catalogue.all(town.townAdmin())).filteredOn(t -> t.code().startsWith(code))
                .extracting(Tag::nameZh, Tag::active).containsExactly(org.assertj.core.groups.Tuple.tuple("原名", true));
    }

    private MockHttpServletResponse add(String code, String category, String nameZh, String nameEn) throws Exception {
        return as(town.townAdmin(), post("/tags").param("code", code).param("category", category)
                .param("nameZh", nameZh).param("nameEn", nameEn));
    }

    private List<String> audited() {
        return db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.OBJECT_TYPE.eq("TAG"), AUDIT_EVENT.DETAIL.endsWith(code),
                        AUDIT_EVENT.ACCOUNT_ID.eq(town.townAdmin().accountId()))
                .orderBy(AUDIT_EVENT.AT, AUDIT_EVENT.ID).fetch(AUDIT_EVENT.DETAIL);
    }

    private MockHttpServletResponse as(HaolinUser user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, AuthorityUtils.createAuthorityList("SIGNED_IN"))))).andReturn().getResponse();
    }
}
