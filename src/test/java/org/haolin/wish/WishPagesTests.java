package org.haolin.wish;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HaolinTest
class WishPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTown testTown;
    @Autowired
    Wishes wishes;
    @Autowired
    Accounts accounts;

    TestTown.Town t;

    @BeforeEach
    void setUp() {
        t = testTown.create();
    }

    private static RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }

    private String body(MockHttpServletRequestBuilder request, HaolinUser user, int expected) throws Exception {
        return mvc.perform(request.with(as(user)).with(csrf()).param("lang", "en"))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String api(MockHttpServletRequestBuilder request, HaolinUser user, int expected) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + accounts.createToken(user.accountId(), "t"))
                        .contentType("application/json"))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * Every resident's name, ID number and phone, in full and as shown masked. Rooms are bare numbers that could
     * match any id, so the JSON is checked to carry no room field instead.
     */
    private List<String> personalData() {
        List<String> data = new ArrayList<>(t.names());
        data.addAll(t.idNumbers());
        data.addAll(t.phones());
        t.phones().forEach(p -> data.add(p.substring(0, 3) + "****" + p.substring(7)));
        t.idNumbers().forEach(id -> data.add(id.substring(0, 6)));
        return data;
    }

    @Test
    void noClaimerFacingPageOrAnswerShowsAnyResidentsNameRoomIdOrPhone() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long id = wishes.create(t.townAdmin(), new NewWish(t.residents().get(i), WishCategory.values()[i], "需要帮助 " + i,
                    LocalDate.now().plusDays(i)));
            wishes.publish(t.townAdmin(), id);
            ids.add(id);
        }
        wishes.claim(t.claimer(), ids.get(0));
        wishes.claim(t.claimer(), ids.get(1));
        wishes.fulfil(t.claimer(), ids.get(1), "送到");

        List<String> answers = new ArrayList<>();
        answers.add(body(get("/wish-board"), t.claimer(), 200));
        answers.add(api(get("/api/v1/wish-board"), t.claimer(), 200));
        answers.add(api(post("/api/v1/wish-board/" + ids.get(2) + "/claim"), t.claimer(), 200));
        answers.add(api(post("/api/v1/wish-board/" + ids.get(2) + "/fulfil").content("{\"note\":\"好了\"}"),
                t.claimer(), 200));
        answers.add(api(post("/api/v1/wish-board/" + ids.get(2) + "/claim"), t.claimer(), 409));
        answers.add(mvc.perform(post("/wish-board/" + ids.get(3) + "/claim").with(as(t.claimer())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getContentAsString());
        answers.add(body(get("/wish-board"), t.claimer(), 200));

        assertThat(answers.get(0)).contains("需要帮助 0", t.compound1().name(), t.compound2().name())
                .doesNotContain(t.stairwell1().name(), t.building1().name());
        assertThat(answers.get(1)).contains("\"compoundName\"").doesNotContainIgnoringCase("room")
                .doesNotContain("residentId", "\"name\"");
        for (String answer : answers) {
            for (String secret : personalData()) {
                assertThat(answer).as("claimer answer").doesNotContain(secret);
            }
        }
    }

    @Test
    void aClaimerNeverReachesStaffPages() throws Exception {
        long id = wishes.create(t.secretary1(), new NewWish(t.residents().getFirst(), WishCategory.TRANSPORT, "去医院", null));
        wishes.publish(t.secretary1(), id);
        body(get("/wishes"), t.claimer(), 403);
        body(get("/wishes/export"), t.claimer(), 403);
        body(get("/wishes/" + id), t.claimer(), 404);
        body(get("/wishes/new").param("resident", String.valueOf(t.residents().getFirst())), t.claimer(), 404);
        body(post("/wishes/" + id + "/publish"), t.claimer(), 404);
        body(post("/wishes").param("resident", String.valueOf(t.residents().getFirst())).param("category", "OTHER")
                .param("description", "x"), t.claimer(), 404);
    }

    @Test
    void staffMakeAWishFromAResidentTriageItAndSeeItsHistory() throws Exception {
        String form = body(get("/wishes/new").param("resident", String.valueOf(t.residents().getFirst())),
                t.secretary1(), 200);
        assertThat(form).contains(t.names().getFirst());
        String location = mvc.perform(post("/wishes").with(as(t.secretary1())).with(csrf())
                        .param("resident", String.valueOf(t.residents().getFirst())).param("category", "MEDICAL_VISIT")
                        .param("description", "陪同去医院复查").param("neededBy", "2030-01-02"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        body(post("/wishes/" + id + "/publish"), t.secretary1(), 302);
        String page = body(get("/wishes/" + id), t.secretary1(), 200);
        assertThat(page).contains("陪同去医院复查", "On the wish board", "Medical visit", t.names().getFirst());

        String list = body(get("/wishes").param("state", "PUBLISHED").param("category", "MEDICAL_VISIT"), t.secretary1(), 200);
        assertThat(list).contains("wish-" + id);
        assertThat(body(get("/wishes").param("state", "CLOSED"), t.secretary1(), 200)).doesNotContain("wish-" + id);
    }

    @Test
    void anIllegalStepAnswersWithTheReasonNamingTheState() throws Exception {
        long id = wishes.create(t.secretary1(), new NewWish(t.residents().getFirst(), WishCategory.OTHER, "x", null));
        String page = body(post("/wishes/" + id + "/close"), t.partyMember1(), 409);
        assertThat(page).contains("This wish is new");
        String problem = api(post("/api/v1/wish-board/" + id + "/claim"), t.claimer(), 404);
        assertThat(problem).contains("wish.notFound");
    }

    @Test
    void theExportHoldsTheFilteredWishesWithoutPersonalData() throws Exception {
        long id = wishes.create(t.secretary1(), new NewWish(t.residents().getFirst(), WishCategory.SUPPLIES, "大米一袋", null));
        byte[] xlsx = mvc.perform(get("/wishes/export").with(as(t.secretary1())).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            String all = rows.stream().flatMap(r -> r.stream().map(c -> c == null ? "" : c.getRawValue()))
                    .collect(Collectors.joining("|"));
            assertThat(all).contains(String.valueOf(id), "大米一袋", "Supplies", t.compound1().name());
            for (String secret : personalData()) {
                assertThat(all).doesNotContain(secret);
            }
        }
    }

    @Test
    void townAdminsEditTheCatalogueAndClaimerOrganisationsOthersOnlyRead() throws Exception {
        String town = String.valueOf(t.town().id());
        body(post("/wish-services").param("town", town).param("name", "代办证件").param("provider", "镇受理中心")
                .param("hours", "72"), t.townAdmin(), 302);
        body(post("/wish-services").param("town", town).param("name", "代办证件").param("provider", "x")
                .param("hours", "72"), t.townAdmin(), 409);
        body(post("/wish-services").param("town", town).param("name", "x").param("provider", "x")
                .param("hours", "0"), t.townAdmin(), 400);
        body(post("/wish-services").param("town", town).param("name", "y").param("provider", "y")
                .param("hours", "5"), t.secretary1(), 404);
        body(post("/wish-claimers").param("town", town).param("name", "爱心车队").param("type", "SOCIAL"),
                t.townAdmin(), 302);
        String adminPage = body(get("/wish-services"), t.townAdmin(), 200);
        assertThat(adminPage).contains("代办证件", "爱心车队", "Social organisation");
        String secretaryPage = body(get("/wish-services"), t.secretary1(), 200);
        assertThat(secretaryPage).contains("代办证件", "镇受理中心").doesNotContain("爱心车队");
    }

    @Test
    void theApiMakesAWishOnceWhateverTheRetries() throws Exception {
        String body = "{\"residentId\":" + t.residents().getFirst()
                + ",\"category\":\"SUPPLIES\",\"description\":\"米和油\",\"neededBy\":\"2030-01-01\"}";
        String key = "wish-" + t.n() + "-0001";
        String first = api(post("/api/v1/wishes").header("Idempotency-Key", key).content(body), t.secretary1(), 201);
        String again = api(post("/api/v1/wishes").header("Idempotency-Key", key).content(body), t.secretary1(), 200);
        long id = Long.parseLong(first.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        assertThat(again).contains("\"id\":" + id);
        assertThat(wishes.list(t.secretary1(), WishFilter.any())).extracting(Wish::id).containsExactly(id);
        api(post("/api/v1/wishes").content(body), t.secretary1(), 400);
        api(post("/api/v1/wishes").header("Idempotency-Key", key + "x").content(body), t.claimer(), 404);
        String view = api(get("/api/v1/wishes/" + id), t.secretary1(), 200);
        assertThat(view).contains("米和油", "\"history\"", "\"NEW\"");
        api(get("/api/v1/wishes/" + id), testTown.create().townAdmin(), 404);
    }

    @Test
    void theHelperConfirmsAFulfilledWishWithTheResidentOnItsPage() throws Exception {
        long id = wishes.create(t.secretary1(), new NewWish(t.residents().getFirst(), WishCategory.MEDICINE, "配药", null));
        wishes.publish(t.secretary1(), id);
        wishes.claim(t.claimer(), id);
        wishes.fulfil(t.claimer(), id, "药已送到");
        String page = body(get("/wishes/" + id), t.partyMember1(), 200);
        assertThat(page).contains("药已送到", "id=\"close\"", "id=\"reopen\"").doesNotContain("id=\"publish\"");
        body(post("/wishes/" + id + "/close").param("note", "居民说收到了"), t.partyMember1(), 302);
        assertThat(wishes.detail(t.secretary1(), id).state()).isEqualTo(WishState.CLOSED);
        assertThat(body(get("/wishes/" + id), t.secretary1(), 200)).contains("居民说收到了", "Closed");
        String list = body(get("/wishes").param("areaId", String.valueOf(t.compound1().id())), t.secretary1(), 200);
        assertThat(list).contains("wish-" + id, t.compound1().name());
    }
}
