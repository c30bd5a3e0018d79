package org.haolin.access;

import org.haolin.HaolinTest;
import org.haolin.MovableClock;
import org.haolin.TestTown;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static haolin.schema.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@HaolinTest
class LoginTests {

    /** Spring Session's own table, which the schema code generation leaves out. */
    static final Table<?> SPRING_SESSION = table(name("spring_session"));
    static final Field<String> SESSION_ID = field(name("session_id"), String.class);
    static final Field<String> PRINCIPAL_NAME = field(name("principal_name"), String.class);
    static final Field<Integer> MAX_INACTIVE_INTERVAL = field(name("max_inactive_interval"), Integer.class);

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
    @Value("${spring.session.timeout}")
    Duration sessionTimeout;

    TestTown.Town town;
    Visitor browser;

    @BeforeEach
    void setUp() {
        town = testTown.create();
        browser = new Visitor(mvc);
    }

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aBuildingLeaderSignsInWithThePasswordAloneIntoASessionStoredInPostgresql() throws Exception {
        MockHttpServletResponse answer = browser.signIn(town.leader1().username(), TestTown.PASSWORD);

        assertThat(answer.getRedirectedUrl()).isEqualTo("/");
        assertThat(browser.perform(get("/me")).getContentAsString()).contains(town.leader1().displayName());
        var stored = db.select(PRINCIPAL_NAME, MAX_INACTIVE_INTERVAL).from(SPRING_SESSION)
                .where(SESSION_ID.eq(sessionId())).fetchOne();
        assertThat(stored).isNotNull();
        assertThat(stored.value1()).isEqualTo(town.leader1().username());
        assertThat(stored.value2()).isEqualTo(30 * 60);
        assertThat(sessionTimeout).isEqualTo(Duration.ofMinutes(30));
        assertThat(actions(town.leader1())).contains("LOGIN");
    }

    @Test
    void aWrongPasswordIsRefusedWithTheSameWordsAsAnUnknownNameAndAudited() throws Exception {
        assertThat(browser.signIn(town.leader1().username(), "not the password at all").getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(browser.signIn("nobody-" + town.n(), TestTown.PASSWORD).getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(browser.perform(get("/me")).getRedirectedUrl()).endsWith("/login");
        assertThat(actions(town.leader1())).containsExactly("LOGIN_FAILED");
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutes() throws Exception {
        String name = town.leader1().username();
        for (int i = 1; i < 5; i++) {
            assertThat(browser.signIn(name, "wrong password " + i).getRedirectedUrl()).isEqualTo("/login?error");
        }
        assertThat(browser.signIn(name, "wrong password 5").getRedirectedUrl()).isEqualTo("/login?locked");
        assertThat(browser.signIn(name, TestTown.PASSWORD).getRedirectedUrl()).isEqualTo("/login?locked");

        clock.advance(Duration.ofMinutes(14));
        assertThat(browser.signIn(name, TestTown.PASSWORD).getRedirectedUrl()).isEqualTo("/login?locked");

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(browser.signIn(name, TestTown.PASSWORD).getRedirectedUrl()).isEqualTo("/");
        assertThat(browser.perform(get("/me")).getStatus()).isEqualTo(200);
    }

    @Test
    void aTownAdminWithoutSecretEnrolsAtFirstSignInAndCannotGoAnywhereBeforeThat() throws Exception {
        HaolinUser admin = town.townAdmin();
        assertThat(browser.signIn(admin.username(), TestTown.PASSWORD).getRedirectedUrl()).isEqualTo("/login/second-factor");

        String page = browser.perform(get("/login/second-factor")).getContentAsString();
        String secret = page.replaceAll("(?s).*<code id=\"enrol-secret\"[^>]*>([A-Z2-7]+)</code>.*", "$1");
        assertThat(secret).hasSize(32);
        assertThat(page).contains("<svg", "otpauth://totp/Haolin:" + admin.username() + "?secret=" + secret);

        for (String elsewhere : List.of("/", "/me", "/areas", "/audit", "/tags", "/admin/accounts",
                "/stairwells/" + town.stairwell1().id())) {
            assertThat(browser.perform(get(elsewhere)).getRedirectedUrl()).as(elsewhere).endsWith("/login/second-factor");
        }
        assertThat(browser.perform(get("/api/v1/stairwells/{id}/roster", town.stairwell1().id())).getStatus()).isEqualTo(401);
        assertThat(accounts.secondFactorSecret(admin.accountId())).isEmpty();

        assertThat(browser.giveCode("000000").getRedirectedUrl()).isEqualTo("/login/second-factor?error");
        String pendingSession = sessionId();
        assertThat(browser.giveCode(Visitor.code(secret, clock, 0)).getRedirectedUrl()).isEqualTo("/");

        assertThat(sessionId()).isNotEqualTo(pendingSession);
        assertThat(browser.perform(get("/me")).getStatus()).isEqualTo(200);
        assertThat(accounts.secondFactorSecret(admin.accountId())).contains(secret);
        assertThat(actions(admin)).contains("LOGIN_FAILED", "LOGIN");
    }

    @Test
    void theOldSessionIdIsWorthlessAfterTheSecondFactor() throws Exception {
        String secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        accounts.setSecondFactorSecret(town.epidemicOffice().accountId(), secret);
        browser.signIn(town.epidemicOffice().username(), TestTown.PASSWORD);
        var pending = browser.sessionCookie();

        browser.giveCode(Visitor.code(secret, clock, 0));

        Visitor thief = new Visitor(mvc);
        thief.useCookie(pending);
        assertThat(thief.perform(get("/me")).getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void anOptionalSecondFactorOnceEnrolledIsAskedForAndEachCodeWorksOnce() throws Exception {
        String secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ";
        accounts.setSecondFactorSecret(town.leader1().accountId(), secret);
        String code = Visitor.code(secret, clock, 0);

        assertThat(browser.signIn(town.leader1().username(), TestTown.PASSWORD).getRedirectedUrl())
                .isEqualTo("/login/second-factor");
        assertThat(browser.perform(get("/login/second-factor")).getContentAsString()).doesNotContain("enrol-secret");
        assertThat(browser.giveCode(code).getRedirectedUrl()).isEqualTo("/");

        Visitor replay = new Visitor(mvc);
        replay.signIn(town.leader1().username(), TestTown.PASSWORD);
        assertThat(replay.giveCode(code).getRedirectedUrl()).isEqualTo("/login/second-factor?error");
        assertThat(replay.giveCode(Visitor.code(secret, clock, 1)).getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void wrongCodesCountTowardsTheLockoutAndTheLockEndsTheWaitingSession() throws Exception {
        String secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXR";
        accounts.setSecondFactorSecret(town.epidemicOffice().accountId(), secret);
        browser.signIn(town.epidemicOffice().username(), TestTown.PASSWORD);
        for (int i = 1; i < 5; i++) {
            assertThat(browser.giveCode("12345" + i).getRedirectedUrl()).isEqualTo("/login/second-factor?error");
        }
        assertThat(browser.giveCode("123450").getRedirectedUrl()).isEqualTo("/login?locked");
        assertThat(browser.perform(get("/login/second-factor")).getRedirectedUrl()).endsWith("/login");
        assertThat(browser.signIn(town.epidemicOffice().username(), TestTown.PASSWORD).getRedirectedUrl())
                .isEqualTo("/login?locked");
    }

    @Test
    void aSystemAdministratorNeedsASecondFactorToo() throws Exception {
        assertThat(browser.signIn(town.systemAdmin().username(), TestTown.PASSWORD).getRedirectedUrl())
                .isEqualTo("/login/second-factor");
        assertThat(browser.perform(get("/admin/accounts")).getRedirectedUrl()).endsWith("/login/second-factor");
    }

    @Test
    void aFullySignedInPersonHasNoBusinessOnTheSecondFactorPage() throws Exception {
        browser.signIn(town.leader1().username(), TestTown.PASSWORD);
        assertThat(browser.perform(get("/login/second-factor")).getStatus()).isEqualTo(403);
    }

    private String sessionId() {
        return new String(Base64.getDecoder().decode(browser.sessionCookie().getValue()));
    }

    private List<String> actions(HaolinUser user) {
        return db.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).where(AUDIT_EVENT.ACCOUNT_ID.eq(user.accountId()))
                .orderBy(AUDIT_EVENT.AT, AUDIT_EVENT.ID).fetch(AUDIT_EVENT.ACTION);
    }
}
