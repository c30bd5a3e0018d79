package org.haolin.hotline;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.haolin.wish.Wish;
import org.haolin.wish.WishCategory;
import org.haolin.wish.WishOrigin;
import org.haolin.wish.Wishes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;

import static haolin.schema.Tables.HOTLINE_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HaolinTest
class HotlineTests {

    @Autowired
    TestTown testTown;
    @Autowired
    Hotline hotline;
    @Autowired
    Wishes wishes;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.jooq.DSLContext db;

    TestTown.Town t;

    @BeforeEach
    void setUp() {
        t = testTown.create();
    }

    private long call(Urgency urgency) {
        return hotline.log(t.secretary1(), new NewCall(t.stairwell1().id(), "刘阿姨", "139 1234 5678", "楼道灯坏了",
                urgency));
    }

    @Test
    void aCallIsLoggedWithTheCallersPhoneEncryptedAndShownMasked() {
        long id = call(Urgency.NORMAL);
        HotlineRequest request = hotline.request(t.secretary1(), id);
        assertThat(request.callerPhoneMasked()).isEqualTo("139****5678");
        assertThat(request.status()).isEqualTo(RequestStatus.OPEN);
        byte[] stored = db.select(HOTLINE_REQUEST.CALLER_PHONE_ENC).from(HOTLINE_REQUEST)
                .where(HOTLINE_REQUEST.ID.eq(id)).fetchOne().value1();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("13912345678");
    }

    @Test
    void requestsMoveForwardOnlyAndUrgentOnesComeFirst() {
        long normal = call(Urgency.NORMAL);
        long urgent = call(Urgency.URGENT);
        assertThat(hotline.list(t.secretary1(), null)).extracting(HotlineRequest::id).containsExactly(urgent, normal);
        hotline.move(t.secretary1(), normal, RequestStatus.IN_PROGRESS);
        hotline.move(t.secretary1(), normal, RequestStatus.DONE);
        assertThatThrownBy(() -> hotline.move(t.secretary1(), normal, RequestStatus.OPEN))
                .hasMessage("hotline.illegal.DONE");
        assertThat(hotline.list(t.secretary1(), RequestStatus.OPEN)).extracting(HotlineRequest::id).containsExactly(urgent);
    }

    @Test
    void aRequestBecomesAWishOfAResidentOfItsStairwellOnce() {
        long id = call(Urgency.URGENT);
        long wishId = hotline.makeWish(t.secretary1(), id, t.residents().get(1), WishCategory.OTHER, null);
        Wish wish = wishes.detail(t.secretary1(), wishId);
        assertThat(wish.origin()).isEqualTo(WishOrigin.HOTLINE);
        assertThat(wish.description()).isEqualTo("楼道灯坏了");
        assertThat(hotline.request(t.secretary1(), id).status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(hotline.request(t.secretary1(), id).wishId()).isEqualTo(wishId);
        assertThatThrownBy(() -> hotline.makeWish(t.secretary1(), id, t.residents().get(1), WishCategory.OTHER, null))
                .hasMessage("hotline.wish.already");
        long other = call(Urgency.LOW);
        assertThatThrownBy(() -> hotline.makeWish(t.townAdmin(), other, t.residents().get(3), WishCategory.OTHER, null))
                .hasMessage("hotline.wish.otherStairwell");
    }

    @Test
    void outsidersFindNoRequest() {
        long id = call(Urgency.NORMAL);
        TestTown.Town other = testTown.create();
        assertThatThrownBy(() -> hotline.request(other.townAdmin(), id)).hasMessage("hotline.notFound");
        assertThatThrownBy(() -> hotline.request(t.leader2(), id)).hasMessage("hotline.notFound");
        assertThat(hotline.list(other.townAdmin(), null)).extracting(HotlineRequest::id).doesNotContain(id);
        assertThatThrownBy(() -> hotline.list(t.claimer(), null)).hasMessage("hotline.staffOnly");
        assertThatThrownBy(() -> hotline.log(other.townAdmin(), new NewCall(t.stairwell1().id(), "x", null, "x", null)))
                .hasMessage("area.notFound");
    }

    @Test
    void theStairwellListShowsItsHotlineContactMasked() throws Exception {
        hotline.setContact(t.secretary1(), t.stairwell1().id(), "楼组长老王", "13800001111");
        String page = page(get("/stairwells/" + t.stairwell1().id()), t.leader1(), 200);
        assertThat(page).contains("楼组长老王", "138****1111").doesNotContain("13800001111");
        assertThatThrownBy(() -> hotline.setContact(t.secretary1(), t.stairwell1().id(), "x", "12345"))
                .hasMessage("hotline.phone.invalid");
    }

    @Test
    void staffLogFollowAndTurnACallIntoAWishOnThePages() throws Exception {
        String location = mvc.perform(post("/hotline").with(as(t.secretary1())).with(csrf())
                        .param("stairwellId", String.valueOf(t.stairwell1().id())).param("callerName", "刘阿姨")
                        .param("callerPhone", "13912345678").param("topic", "想找人陪同就医").param("urgency", "URGENT"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).as("the page model (me, perms) stays out of a redirect's address").matches("/hotline/\\d+");
        String show = page(get(location), t.secretary1(), 200);
        assertThat(show).contains("想找人陪同就医", "139****5678", t.names().getFirst())
                .doesNotContain("13912345678");
        assertThat(page(get("/hotline"), t.secretary1(), 200)).contains("想找人陪同就医");
        String wish = mvc.perform(post(location + "/wish").with(as(t.secretary1())).with(csrf())
                        .param("resident", String.valueOf(t.residents().getFirst())).param("category", "MEDICAL_VISIT"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(page(get(wish), t.secretary1(), 200)).contains("想找人陪同就医", "Hotline");
        page(get("/hotline"), t.claimer(), 403);
        page(get(location), t.leader2(), 404);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(HaolinUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList("SIGNED_IN")));
    }

    private String page(MockHttpServletRequestBuilder request, HaolinUser user, int expected) throws Exception {
        return mvc.perform(request.with(as(user)).with(csrf()).param("lang", "en")).andExpect(status().is(expected))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
