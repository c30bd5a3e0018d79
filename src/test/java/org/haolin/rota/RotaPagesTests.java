package org.haolin.rota;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The rota pages as a secretary and a volunteer meet them. */
@HaolinTest
class RotaPagesTests {

    static final LocalDate FIRST = LocalDate.of(2026, 12, 7);

    @Autowired
    TestTown testTown;
    @Autowired
    RotaFixture fixture;
    @Autowired
    Rotas rotas;
    @Autowired
    MockMvc mvc;
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

    String page(HaolinUser user, String url) throws Exception {
        return mvc.perform(get(url).with(as(user)).header("Accept-Language", "zh-CN")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theSecretaryMakesSolvesAndReadsARotaWithSubstitutesAndHolesMarked() throws Exception {
        fixture.person(town, town.area1(), "李书记", "SECRETARY", null, 60);
        fixture.person(town, town.town(), "王处", "DIVISION", null, 60);
        long a = fixture.person(town, town.area1(), "张三", null, town.volunteer1().accountId(), 48);
        fixture.post(town, town.compound1(), FIRST, "3号门岗", 2, List.of(a));
        assertThat(page(town.secretary1(), "/rotas")).contains("新建排班", "星火居民区");

        String location = mvc.perform(post("/rotas").with(as(town.secretary1())).with(csrf())
                        .param("areaId", String.valueOf(town.area1().id())).param("firstDay", FIRST.toString())
                        .param("days", "7"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/rotas/" + id + "/solve").with(as(town.secretary1())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(town.secretary1(), "/rotas/" + id)).contains("hx-get=\"/rotas/" + id + "/state\"");
        await().atMost(Duration.ofSeconds(30)).until(() -> rotas.rota(town.secretary1(), id).state() != RotaState.SOLVING);
        mvc.perform(get("/rotas/" + id + "/state").with(as(town.secretary1()))).andExpect(header().string("HX-Refresh", "true"));

        String grid = page(town.secretary1(), "/rotas/" + id);
        assertThat(grid).contains("星火一村 3号门岗", "李书记", "王处", "顶岗", "无人值守", "规则无法全部满足",
                "星火一村 3号门岗 在 2026-12-07 至 2026-12-13 需要 2 人，只有 1 人可以上岗");
        assertThat(page(town.leader2(), "/rotas")).doesNotContain("星火居民区 2026-12-07");
    }

    @Test
    void aVolunteerAsksToHandTheirPublishedShiftToAnother() throws Exception {
        long rota = rotas.create(town.secretary1(), town.area1().id(), FIRST, 7, "walk");
        long shift = RotaFixture.publishedShift(db, town, rota, FIRST);
        long to = fixture.person(town, town.town(), "青年甲", "YOUNG_CADRE", null, 48);

        assertThat(page(town.volunteer1(), "/my-shifts/" + shift + "/swap")).contains("青年甲", "申请换班");
        String answer = mvc.perform(post("/my-shifts/" + shift + "/swap").with(as(town.volunteer1())).with(csrf())
                        .param("toPersonId", String.valueOf(to)).param("reason", "家里有事"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(answer).contains("申请已提交");
        assertThat(page(town.secretary1(), "/rotas/" + rota)).contains("申请把班次换给 青年甲", "家里有事");
    }
}
