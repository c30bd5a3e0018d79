package org.haolin.resident;

import org.haolin.HaolinTest;
import org.haolin.MovableClock;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.haolin.access.Role;
import org.haolin.platform.DomainException;
import org.haolin.resident.TagAssignments.TagEnding;
import org.haolin.resident.TagAssignments.TagOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static haolin.schema.Tables.RESIDENT_TAG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Tag rules as town administrators set them, and batch tag assignments as office lists and sweeps use them. */
@HaolinTest
@RecordApplicationEvents
class TagRulesTests {

    @Autowired
    TestTown testTown;
    @Autowired
    MockMvc mvc;
    @Autowired
    TagCatalogue catalogue;
    @Autowired
    TagAssignments assignments;
    @Autowired
    Residents residents;
    @Autowired
    MovableClock clock;
    @Autowired
    ApplicationEvents events;
    @Autowired
    org.jooq.DSLContext db;

    TestTown.Town town;
    Tag tag;

    @BeforeEach
    void setUp() {
        town = testTown.create();
        tag = catalogue.add(town.townAdmin(), "HEAT_WATCH_" + town.n(), "KEY_GROUP", "高温关注", "Heat watch");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAdministratorSetsTheRuleAndATagWithAnAttentionPeriodEndsByItselfButStaysInHistory() throws Exception {
        MockHttpServletResponse saved = as(town.townAdmin(), post("/tags/{id}/rule", tag.id())
                .param("attentionDays", "7").param("doorToDoor", "true").param("notifyRoles", "BUILDING_LEADER"));
        assertThat(saved.getRedirectedUrl()).isEqualTo("/tags");
        Tag ruled = catalogue.all(town.townAdmin()).stream().filter(t -> t.id() == tag.id()).findFirst().orElseThrow();
        assertThat(ruled.rule()).isEqualTo(new TagRule(7, true, false, Set.of(Role.BUILDING_LEADER)));

        long resident = town.residents().getFirst();
        residents.addTag(town.leader1(), resident, tag.code(), null, TagSource.MANUAL, null);
        assertThat(currentCodes(resident)).contains(tag.code());

        clock.advance(Duration.ofDays(6));
        assertThat(currentCodes(resident)).contains(tag.code());
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(currentCodes(resident)).doesNotContain(tag.code());
        assertThat(residents.detail(town.leader1(), resident).tagHistory()).extracting(CurrentTag::code)
                .contains(tag.code());
    }

    @Test
    void aBadRuleIsRefusedNamingTheFieldAndTheOldRuleStays() throws Exception {
        for (String days : List.of("0", "400", "seven")) {
            MockHttpServletResponse refused = as(town.townAdmin(), post("/tags/{id}/rule", tag.id())
                    .param("attentionDays", days));
            assertThat(refused.getStatus()).as(days).isEqualTo(400);
            assertThat(refused.getContentAsString()).contains("关注期：请填写 1 到 366 之间的整数天数");
        }
        assertThatThrownBy(() -> catalogue.changeRule(town.townAdmin(), tag.id(),
                new TagRule(null, false, false, Set.of(Role.CLAIMER))))
                .isInstanceOf(DomainException.class).hasMessage("tagAdmin.notifyRoles.invalid");
        assertThat(catalogue.all(town.townAdmin()).stream().filter(t -> t.id() == tag.id()).findFirst().orElseThrow()
                .rule()).isEqualTo(TagRule.NONE);
    }

    @Test
    void assigningTheSameListTwiceChangesNothingAndTellsNobodyTwice() {
        List<TagOrder> list = town.residents().subList(0, 3).stream().map(r -> TagOrder.now(r, tag.code())).toList();

        TagAssignments.Assigned first = assignments.assign(town.epidemicOffice(), list, TagSource.OFFICE_LIST, "list:1");
        TagAssignments.Assigned again = assignments.assign(town.epidemicOffice(), list, TagSource.OFFICE_LIST, "list:1");

        assertThat(first.landed()).extracting(LandedTag::residentId).containsExactlyElementsOf(town.residents().subList(0, 3));
        assertThat(first.landed()).extracting(LandedTag::room).containsExactly("301", "301", "402");
        assertThat(again.landed()).isEmpty();
        assertThat(again.alreadyCurrent()).isEqualTo(3);
        assertThat(db.fetchCount(RESIDENT_TAG, RESIDENT_TAG.TAG_ID.eq(tag.id()))).isEqualTo(3);
        assertThat(events.stream(TagsLanded.class).filter(e -> e.townId() == town.town().id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.source()).isEqualTo(TagSource.OFFICE_LIST);
                    assertThat(e.sourceRef()).isEqualTo("list:1");
                    assertThat(e.tags()).hasSize(3);
                });

        int ended = assignments.end(town.epidemicOffice(), List.of(new TagEnding(town.residents().get(2), tag.code())),
                "released");
        assertThat(ended).isEqualTo(1);
        assertThat(currentCodes(town.residents().get(2))).doesNotContain(tag.code());
        assertThat(currentCodes(town.residents().getFirst())).contains(tag.code());
    }

    @Test
    void aBatchReachingOutsideThePersonsScopeWritesNothing() {
        List<TagOrder> list = List.of(TagOrder.now(town.residents().get(0), tag.code()),
                TagOrder.now(town.residents().get(3), tag.code())); // the second lives in building 2
        assertThatThrownBy(() -> assignments.assign(town.leader1(), list, TagSource.MANUAL, null))
                .isInstanceOf(DomainException.class).hasMessage("resident.notFound");
        TestTown.Town other = testTown.create();
        assertThatThrownBy(() -> assignments.assign(other.epidemicOffice(), list, TagSource.OFFICE_LIST, "x"))
                .isInstanceOf(DomainException.class).hasMessage("resident.notFound");
        assertThat(db.fetchCount(RESIDENT_TAG, RESIDENT_TAG.TAG_ID.eq(tag.id()))).isZero();
        assertThat(events.stream(TagsLanded.class).filter(e -> e.townId() == town.town().id())).isEmpty();
    }

    private List<String> currentCodes(long resident) {
        return residents.detail(town.townAdmin(), resident).entry().tags().stream().map(CurrentTag::code).toList();
    }

    private MockHttpServletResponse as(HaolinUser user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, AuthorityUtils.createAuthorityList("SIGNED_IN"))))).andReturn().getResponse();
    }
}
