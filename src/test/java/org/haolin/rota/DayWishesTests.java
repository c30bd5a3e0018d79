package org.haolin.rota;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Day wishes: one's own only, never for a past day, idempotent, kept by the solver; the pages of both features. */
@HaolinTest
class DayWishesTests {

    @Autowired
    TestTown testTown;
    @Autowired
    DayWishes wishes;
    @Autowired
    Rotas rotas;
    @Autowired
    RotaFixture fixture;
    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;

    TestTown.Town town;
    LocalDate today;

    @BeforeEach
    void setUp() {
        town = testTown.create();
        today = LocalDate.now(clock);
    }

    @Test
    void aPersonSetsChangesAndClearsTheirOwnWishesButNotForPastDays() {
        long me = fixture.person(town, town.area1(), "张三", null, town.volunteer1().accountId(), 48);

        wishes.setMine(town.volunteer1(), today.plusDays(3), WishKind.PREFERS_REST);
        wishes.setMine(town.volunteer1(), today.plusDays(3), WishKind.UNAVAILABLE);
        wishes.setMine(town.volunteer1(), today.plusDays(3), WishKind.UNAVAILABLE);
        wishes.setMine(town.volunteer1(), today.plusDays(5), WishKind.PREFERS_REST);
        wishes.setMine(town.volunteer1(), today.plusDays(5), null);

        WishList mine = wishes.mine(town.volunteer1());
        assertThat(mine.personId()).isEqualTo(me);
        assertThat(mine.days()).hasSize(DayWishes.LISTED_DAYS).first().extracting(DayWish::day).isEqualTo(today);
        assertThat(mine.days()).filteredOn(d -> d.kind() != null).containsExactly(
                new DayWish(today.plusDays(3), WishKind.UNAVAILABLE));
        assertThatThrownBy(() -> wishes.setMine(town.volunteer1(), today.minusDays(1), WishKind.UNAVAILABLE))
                .isInstanceOf(DomainException.class).hasMessage("rota.wish.past");
        assertThatThrownBy(() -> wishes.setMine(town.volunteer1(), today.plusDays(63), WishKind.UNAVAILABLE))
                .isInstanceOf(DomainException.class).hasMessage("rota.wish.tooFar");
        assertThatThrownBy(() -> wishes.setMine(town.partyMember1(), today, WishKind.UNAVAILABLE))
                .as("an account linked to nobody").isInstanceOf(DomainException.class).hasMessage("rota.wish.notLinked");
        assertThat(wishes.mine(town.partyMember1()).linked()).isFalse();
    }

    @Test
    void staffOfThePersonsAreaMaySetWishesForThemAndNobodyElse() {
        long person = fixture.person(town, town.area1(), "张三", null, null, 48);

        wishes.setFor(town.secretary1(), person, today.plusDays(1), WishKind.UNAVAILABLE);

        assertThat(wishes.of(town.townAdmin(), person).days().get(1).kind()).isEqualTo(WishKind.UNAVAILABLE);
        TestTown.Town other = testTown.create();
        assertThatThrownBy(() -> wishes.of(other.townAdmin(), person)).isInstanceOf(DomainException.class)
                .hasMessage("workforce.person.notFound");
        assertThatThrownBy(() -> wishes.setFor(town.volunteer1(), person, today, null))
                .isInstanceOf(DomainException.class).hasMessage("workforce.person.notFound");
    }

    @Test
    void theSolverLeavesAPersonOffADayTheyCannotWork() {
        fixture.person(town, town.area1(), "李书记", "SECRETARY", town.volunteer1().accountId(), 60);
        long cadre = fixture.person(town, town.town(), "王处", "DIVISION", null, 60);
        LocalDate off = today.plusDays(2);
        wishes.setMine(town.volunteer1(), off, WishKind.UNAVAILABLE);
        long id = rotas.create(town.secretary1(), town.area1().id(), today, 7, null);

        rotas.solve(town.secretary1(), id);
        await().atMost(Duration.ofSeconds(30)).until(() -> rotas.rota(town.secretary1(), id).state() != RotaState.SOLVING);

        assertThat(rotas.rota(town.secretary1(), id).state()).isEqualTo(RotaState.SOLVED);
        assertThat(rotas.shifts(town.secretary1(), id)).filteredOn(s -> s.day().equals(off)).singleElement()
                .satisfies(s -> assertThat(s.personId()).isEqualTo(cadre));
    }

    @Test
    void thePagesShowTheWishesAndTheMatrixAndRefuseWhatIsNotAllowed() throws Exception {
        fixture.person(town, town.area1(), "张三", null, town.volunteer1().accountId(), 48);
        mvc.perform(post("/my-shifts/wishes").with(as(town.volunteer1())).with(csrf())
                .param("day", today.plusDays(1).toString()).param("kind", "UNAVAILABLE"))
                .andExpect(status().is3xxRedirection());
        String page = page(town.volunteer1(), "/my-shifts/wishes");
        assertThat(page).contains("不能上班", "id=\"day-" + today.plusDays(1) + "\"");
        assertThat(wishes.mine(town.volunteer1()).days().get(1).kind()).isEqualTo(WishKind.UNAVAILABLE);
        mvc.perform(post("/my-shifts/wishes").with(as(town.volunteer1())).with(csrf())
                .param("day", today.minusDays(1).toString()).param("kind", "UNAVAILABLE"))
                .andExpect(status().isBadRequest());
        assertThat(page(town.volunteer1(), "/my-shifts")).contains("/my-shifts/wishes");

        String matrix = page(town.secretary1(), "/rotas/substitutions");
        assertThat(matrix).contains("处级", "书记", "id=\"defaults\"", "id=\"read-only\"").doesNotContain("保存规则");
        mvc.perform(post("/rotas/substitutions").with(as(town.secretary1())).with(csrf())
                .param("townId", String.valueOf(town.town().id())).param("pair", "SECTION:SECRETARY"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/rotas/substitutions").with(as(town.townAdmin())).with(csrf())
                .param("townId", String.valueOf(town.town().id())).param("pair", "SECTION:SECTION"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/rotas/substitutions").with(as(town.townAdmin())).with(csrf())
                .param("townId", String.valueOf(town.town().id())).param("pair", "SECTION:SECRETARY"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(town.townAdmin(), "/rotas/substitutions")).contains("保存规则").doesNotContain("id=\"defaults\"");
        assertThat(page(town.townAdmin(), "/rotas")).contains("/rotas/substitutions");
        mvc.perform(get("/rotas/substitutions").with(as(town.volunteer1()))).andExpect(status().isNotFound());
    }

    @Test
    void staffTakeDownAPersonsWishesOnTheirPageAndOutsidersFindNobody() throws Exception {
        long person = fixture.person(town, town.area1(), "张三", null, null, 48);
        String url = "/rotas/wishes/" + person;

        mvc.perform(post(url).with(as(town.secretary1())).with(csrf())
                .param("day", today.plusDays(2).toString()).param("kind", "PREFERS_REST"))
                .andExpect(status().is3xxRedirection());

        assertThat(wishes.of(town.secretary1(), person).days().get(2).kind()).isEqualTo(WishKind.PREFERS_REST);
        assertThat(page(town.secretary1(), url)).contains("张三 的休息意愿", "/workforce/people/" + person);
        assertThat(page(town.secretary1(), "/workforce/people/" + person)).contains(url);
        TestTown.Town other = testTown.create();
        mvc.perform(get(url).with(as(other.secretary1()))).andExpect(status().isNotFound());
        mvc.perform(post(url).with(as(town.volunteer1())).with(csrf())
                .param("day", today.plusDays(3).toString()).param("kind", "UNAVAILABLE"))
                .andExpect(status().isNotFound());
        assertThat(wishes.of(town.secretary1(), person).days().get(3).kind()).isNull();
    }

    static RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }

    String page(HaolinUser user, String url) throws Exception {
        return mvc.perform(get(url).with(as(user)).header("Accept-Language", "zh-CN")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
