package org.haolin.access;

import org.haolin.HaolinTest;
import org.haolin.MovableClock;
import org.haolin.TestTown;
import org.haolin.access.internal.AuditPartitions;
import org.haolin.resident.Residents;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.jooq.exception.DataAccessException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static haolin.schema.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@HaolinTest
class AuditLogTests {

    @Autowired
    TestTown testTown;
    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog auditLog;
    @Autowired
    Residents residents;
    @Autowired
    AuditPartitions partitions;
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
    void aTownAdministratorFindsWhoReadWhichResidentAndWhen() throws Exception {
        long resident = town.residents().getFirst();
        residents.roster(town.leader1(), town.stairwell1().id());
        residents.detail(town.leader1(), resident);
        residents.detail(town.secretary1(), town.residents().get(1));

        List<AuditLog.Entry> byLeader = auditLog.page(town.townAdmin(), query(town.leader1().username(), null, null))
                .entries();
        assertThat(byLeader).extracting(AuditLog.Entry::action).containsExactly("READ", "LIST");
        assertThat(byLeader.getLast().areaLabel()).endsWith(town.stairwell1().name()).startsWith(town.town().name());

        List<AuditLog.Entry> aboutResident = auditLog.page(town.townAdmin(), query(null, resident, null)).entries();
        assertThat(aboutResident).extracting(AuditLog.Entry::username).containsExactly(town.leader1().username());

        List<AuditLog.Entry> reads = auditLog.page(town.townAdmin(), query(null, null, AuditAction.READ)).entries().stream()
                .filter(e -> e.areaLabel() != null && e.areaLabel().startsWith(town.town().name())).toList();
        assertThat(reads).extracting(AuditLog.Entry::username)
                .containsExactly(town.secretary1().username(), town.leader1().username());

        String page = as(town.townAdmin(), get("/audit").param("user", town.leader1().username())).getContentAsString();
        assertThat(page).contains("查看名单", town.stairwell1().name(), "/residents/" + resident);
    }

    @Test
    void theDateRangeIsInclusiveAndAReversedRangeIsRefused() throws Exception {
        residents.roster(town.leader1(), town.stairwell1().id());
        LocalDate today = LocalDate.now(clock);
        String leader = town.leader1().username();
        assertThat(auditLog.page(town.townAdmin(), new AuditLog.Query(leader, today, today, null, null, null, null))
                .entries()).hasSize(1);
        assertThat(auditLog.page(town.townAdmin(), new AuditLog.Query(leader, today.plusDays(1), null, null, null, null, null))
                .entries()).isEmpty();
        assertThat(auditLog.page(town.townAdmin(), new AuditLog.Query(leader, null, today.minusDays(1), null, null, null, null))
                .entries()).isEmpty();

        MockHttpServletResponse reversed = as(town.townAdmin(), get("/audit")
                .param("from", today.toString()).param("to", today.minusDays(2).toString()));
        assertThat(reversed.getStatus()).isEqualTo(400);
        assertThat(reversed.getContentAsString()).contains("截止日期早于起始日期");
    }

    @Test
    void anAdministratorOfAnotherTownSeesNoneOfThisTownsRows() throws Exception {
        residents.roster(town.leader1(), town.stairwell1().id());
        residents.detail(town.leader1(), town.residents().getFirst());
        new Visitor(mvc).signIn(town.leader1().username(), TestTown.PASSWORD);
        TestTown.Town elsewhere = testTown.create();

        assertThat(auditLog.page(elsewhere.townAdmin(), query(town.leader1().username(), null, null)).entries()).isEmpty();
        assertThat(auditLog.page(elsewhere.townAdmin(), query(null, town.residents().getFirst(), null)).entries()).isEmpty();
        assertThat(auditLog.page(elsewhere.townAdmin(), AuditLog.Query.all()).entries())
                .extracting(AuditLog.Entry::username).doesNotContain(town.leader1().username(), town.townAdmin().username());
        String page = as(elsewhere.townAdmin(), get("/audit").param("user", town.leader1().username())).getContentAsString();
        assertThat(page).doesNotContain(town.stairwell1().name()).contains("没有符合条件的记录");

        assertThat(auditLog.page(town.townAdmin(), query(town.leader1().username(), null, AuditAction.LOGIN)).entries())
                .hasSize(1);
    }

    @Test
    void onlyTownAdministratorsHaveTheAuditPage() throws Exception {
        residents.roster(town.leader1(), town.stairwell1().id());
        for (HaolinUser user : List.of(town.leader1(), town.secretary1(), town.epidemicOffice(), town.claimer(),
                town.systemAdmin())) {
            MockHttpServletResponse answer = as(user, get("/audit").param("user", town.leader1().username()));
            assertThat(answer.getStatus()).as(user.username()).isEqualTo(403);
            assertThat(answer.getContentAsString()).doesNotContain(town.stairwell1().name());
        }
        assertThat(mvc.perform(get("/audit")).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void pagesRunNewestFirstWithoutGapsOrRepeatsAndEachReadIsAudited() throws Exception {
        for (int i = 0; i < AuditLog.PAGE_SIZE + 7; i++) {
            residents.roster(town.leader1(), town.stairwell1().id());
        }
        AuditLog.Query first = query(town.leader1().username(), null, null);
        AuditLog.Page one = auditLog.page(town.townAdmin(), first);
        AuditLog.Page two = auditLog.page(town.townAdmin(), first.before(one.last()));

        assertThat(one.entries()).hasSize(AuditLog.PAGE_SIZE);
        assertThat(one.more()).isTrue();
        assertThat(two.entries()).hasSize(7);
        assertThat(two.more()).isFalse();
        List<AuditLog.Entry> all = new ArrayList<>(one.entries());
        all.addAll(two.entries());
        assertThat(all).extracting(AuditLog.Entry::id).doesNotHaveDuplicates();
        for (int i = 1; i < all.size(); i++) {
            AuditLog.Entry newer = all.get(i - 1);
            AuditLog.Entry older = all.get(i);
            assertThat(newer.at().isAfter(older.at()) || newer.at().isEqual(older.at()) && newer.id() > older.id()).isTrue();
        }

        String html = as(town.townAdmin(), get("/audit").param("user", town.leader1().username())).getContentAsString();
        String older = html.replaceAll("(?s).*id=\"audit-older\"\\s+href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(older).contains("beforeId=" + one.last().id());
        MockHttpServletResponse next = as(town.townAdmin(), get(java.net.URI.create(older)));
        assertThat(next.getStatus()).isEqualTo(200);
        assertThat(next.getContentAsString().split("查看名单", -1)).hasSize(7 + 1 + 1); // 7 rows and the filter's option

        assertThat(auditLog.page(town.townAdmin(), query(town.townAdmin().username(), null, AuditAction.LIST)).entries())
                .extracting(AuditLog.Entry::objectType).containsOnly("AUDIT").hasSizeGreaterThanOrEqualTo(4);
        assertThat(auditLog.page(town.townAdmin(), query(town.townAdmin().username(), null, AuditAction.LIST)).entries())
                .extracting(AuditLog.Entry::detail).contains("user=" + town.leader1().username(),
                        "user=" + town.leader1().username() + " before=" + one.last().id());
    }

    @Test
    void theAuditTableIsAppendOnly() {
        residents.roster(town.leader1(), town.stairwell1().id());
        var row = AUDIT_EVENT.USERNAME.eq(town.leader1().username());
        assertThatThrownBy(() -> db.update(AUDIT_EVENT).set(AUDIT_EVENT.DETAIL, "nothing happened").where(row).execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.deleteFrom(AUDIT_EVENT).where(row).execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(db.fetchCount(AUDIT_EVENT, row)).isEqualTo(1);
    }

    @Test
    void partitionsAreKeptReadyForTheMonthsAheadAndMakingThemAgainChangesNothing() {
        clock.advance(Duration.ofDays(200));
        partitions.ensureAhead();
        partitions.ensureAhead();
        OffsetDateTime then = OffsetDateTime.now(clock);
        for (int month = 0; month <= 3; month++) {
            String name = "audit_event_p" + then.plusMonths(month).format(DateTimeFormatter.ofPattern("yyyyMM"));
            assertThat(db.fetchValue("select to_regclass({0})::text", name)).as(name).isEqualTo(name);
        }
    }

    private AuditLog.Query query(String username, Long residentId, AuditAction action) {
        return new AuditLog.Query(username, null, null, residentId, action, null, null);
    }

    private MockHttpServletResponse as(HaolinUser user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, AuthorityUtils.createAuthorityList("SIGNED_IN"))))).andReturn().getResponse();
    }
}
