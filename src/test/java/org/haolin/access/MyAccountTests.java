package org.haolin.access;

import com.jayway.jsonpath.JsonPath;
import org.haolin.HaolinTest;
import org.haolin.MovableClock;
import org.haolin.TestTown;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.OffsetDateTime;

import static haolin.schema.Tables.API_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@HaolinTest
class MyAccountTests {

    @Autowired
    TestTown testTown;
    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    MovableClock clock;
    @Autowired
    DSLContext db;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void myPageShowsMyRolesWithTheirAreaNames() throws Exception {
        Visitor leader = signedIn(town.leader1());
        String page = leader.perform(get("/me")).getContentAsString();
        assertThat(page).contains("楼组长", town.building1().name(), town.compound1().name(), town.leader1().displayName());

        String english = leader.perform(get("/me").param("lang", "en")).getContentAsString();
        assertThat(english).contains("Building leader", "API tokens");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndTwelveCharacters() throws Exception {
        Visitor leader = signedIn(town.leader1());
        Visitor onAnotherPhone = signedIn(town.leader1());

        MockHttpServletResponse wrongCurrent = changePassword(leader, "not my password", "a brand new secret", "a brand new secret");
        assertThat(wrongCurrent.getStatus()).isEqualTo(400);
        assertThat(wrongCurrent.getContentAsString()).contains("当前密码不正确");

        MockHttpServletResponse tooShort = changePassword(leader, TestTown.PASSWORD, "short pass", "short pass");
        assertThat(tooShort.getStatus()).isEqualTo(400);
        assertThat(tooShort.getContentAsString()).contains("密码至少需要 12 个字符");

        assertThat(changePassword(leader, TestTown.PASSWORD, "a brand new secret", "a brand new secrex").getStatus())
                .isEqualTo(400);
        assertThat(changePassword(leader, TestTown.PASSWORD, "a brand new secret", "a brand new secret")
                .getRedirectedUrl()).isEqualTo("/me");
        assertThat(leader.perform(get("/me")).getContentAsString()).contains("密码已修改");
        assertThat(onAnotherPhone.perform(get("/me")).getRedirectedUrl()).endsWith("/login");

        assertThat(new Visitor(mvc).signIn(town.leader1().username(), TestTown.PASSWORD).getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(new Visitor(mvc).signIn(town.leader1().username(), "a brand new secret").getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void anOptionalSecondFactorCanBeAddedAndRemovedFromMyPage() throws Exception {
        Visitor leader = signedIn(town.leader1());
        leader.perform(post("/me/second-factor/start").with(csrf()));
        String page = leader.perform(get("/me")).getContentAsString();
        assertThat(page).contains("<svg");
        String secret = page.replaceAll("(?s).*<code id=\"enrol-secret\"[^>]*>([A-Z2-7]+)</code>.*", "$1");

        assertThat(leader.perform(post("/me/second-factor").with(csrf()).param("code", "000000")).getStatus()).isEqualTo(400);
        assertThat(leader.perform(post("/me/second-factor").with(csrf()).param("code", Visitor.code(secret, clock, 0)))
                .getRedirectedUrl()).isEqualTo("/me");
        assertThat(accounts.secondFactorSecret(town.leader1().accountId())).contains(secret);

        assertThat(leader.perform(post("/me/second-factor/remove").with(csrf()).param("code", Visitor.code(secret, clock, 1)))
                .getRedirectedUrl()).isEqualTo("/me");
        assertThat(accounts.secondFactorSecret(town.leader1().accountId())).isEmpty();
    }

    @Test
    void aRoleThatRequiresASecondFactorCannotRemoveIt() throws Exception {
        Visitor admin = signedIn(town.townAdmin());
        String secret = accounts.secondFactorSecret(town.townAdmin().accountId()).orElseThrow();
        assertThat(admin.perform(post("/me/second-factor/remove").with(csrf()).param("code", Visitor.code(secret, clock, 1)))
                .getStatus()).isEqualTo(403);
        assertThat(accounts.secondFactorSecret(town.townAdmin().accountId())).contains(secret);
    }

    @Test
    void aTokenMadeOnMyPageIsShownOnceWorksOnTheApiAndStopsWhenRevoked() throws Exception {
        Visitor leader = signedIn(town.leader1());
        leader.perform(post("/me/tokens").with(csrf()).param("name", "stairwell sync"));
        String page = leader.perform(get("/me")).getContentAsString();
        String token = page.replaceAll("(?s).*<code id=\"new-token\"[^>]*>(hl_[A-Za-z0-9_-]+)</code>.*", "$1");
        assertThat(token).startsWith("hl_").hasSizeGreaterThan(40);
        assertThat(page).contains("stairwell sync", token.substring(0, 7));
        assertThat(leader.perform(get("/me")).getContentAsString()).doesNotContain(token);

        assertThat(roster(token).getStatus()).isEqualTo(200);
        assertThat(roster(token).getContentAsString()).contains("张建国");
        long id = db.select(API_TOKEN.ID).from(API_TOKEN).where(API_TOKEN.ACCOUNT_ID.eq(town.leader1().accountId()))
                .fetchSingle(API_TOKEN.ID);
        assertThat(leader.perform(get("/me")).getContentAsString()).doesNotContain("从未使用");

        assertThat(leader.perform(post("/me/tokens/{id}/revoke", id).with(csrf())).getRedirectedUrl()).isEqualTo("/me#tokens");
        assertThat(roster(token).getStatus()).isEqualTo(401);
    }

    @Test
    void theTokenApiListsMakesAndRevokesOnlyMyOwnTokens() throws Exception {
        String mine = accounts.createToken(town.leader1().accountId(), "first");
        IssuedToken theirs = accounts.issueToken(town.leader2().accountId(), "not yours");

        MockHttpServletResponse made = mvc.perform(post("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, "Bearer " + mine)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"second\"}")).andReturn().getResponse();
        assertThat(made.getStatus()).isEqualTo(201);
        String second = JsonPath.read(made.getContentAsString(), "$.token");
        Integer secondId = JsonPath.read(made.getContentAsString(), "$.id");

        String list = bearer(get("/api/v1/tokens"), mine).getContentAsString();
        assertThat(list).contains("\"first\"", "\"second\"").doesNotContain(mine).doesNotContain(second)
                .doesNotContain("not yours");

        MockHttpServletResponse stealing = bearer(delete("/api/v1/tokens/{id}", theirs.id()), mine);
        assertThat(stealing.getStatus()).isEqualTo(404);
        assertThat(stealing.getContentAsString()).doesNotContain("not yours");
        assertThat(roster(theirs.token(), town.stairwell2().id()).getStatus()).isEqualTo(200);

        assertThat(bearer(delete("/api/v1/tokens/{id}", secondId), mine).getStatus()).isEqualTo(204);
        assertThat(bearer(get("/api/v1/tokens"), second).getStatus()).isEqualTo(401);
        assertThat(bearer(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"), mine)
                .getStatus()).isEqualTo(400);
    }

    @Test
    void someoneElsesTokenIsNotFoundOnMyPageEither() throws Exception {
        IssuedToken theirs = accounts.issueToken(town.leader2().accountId(), "not yours");
        Visitor leader = signedIn(town.leader1());
        assertThat(leader.perform(post("/me/tokens/{id}/revoke", theirs.id()).with(csrf())).getStatus()).isEqualTo(404);
        assertThat(accounts.tokens(town.leader2().accountId())).extracting(ApiToken::id).contains(theirs.id());
    }

    @Test
    void lastUsedIsWrittenAtMostOnceAMinute() throws Exception {
        String token = accounts.createToken(town.leader1().accountId(), "busy integration");
        roster(token);
        OffsetDateTime first = lastUsed();
        assertThat(first).isNotNull();

        clock.advance(Duration.ofSeconds(30));
        roster(token);
        assertThat(lastUsed()).isEqualTo(first);

        clock.advance(Duration.ofSeconds(31));
        roster(token);
        assertThat(lastUsed()).isAfter(first);
    }

    @Test
    void withoutSignInThereIsNoAccountPageAndNoTokenApi() throws Exception {
        assertThat(mvc.perform(get("/me")).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(mvc.perform(get("/api/v1/tokens")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(bearer(get("/api/v1/tokens"), "hl_made_up_token_value").getStatus()).isEqualTo(401);
    }

    private OffsetDateTime lastUsed() {
        return db.select(API_TOKEN.LAST_USED_AT).from(API_TOKEN)
                .where(API_TOKEN.ACCOUNT_ID.eq(town.leader1().accountId())).fetchSingle(API_TOKEN.LAST_USED_AT);
    }

    private Visitor signedIn(HaolinUser user) throws Exception {
        return Visitor.signedIn(mvc, accounts, clock, user);
    }

    private MockHttpServletResponse changePassword(Visitor visitor, String current, String password, String repeat)
            throws Exception {
        return visitor.perform(post("/me/password").with(csrf()).param("current", current).param("password", password)
                .param("repeat", repeat));
    }

    private MockHttpServletResponse roster(String token) throws Exception {
        return roster(token, town.stairwell1().id());
    }

    private MockHttpServletResponse roster(String token, long stairwellId) throws Exception {
        return bearer(get("/api/v1/stairwells/{id}/roster", stairwellId), token);
    }

    private MockHttpServletResponse bearer(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                                           String token) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn().getResponse();
    }
}
