package org.haolin.access;

import org.haolin.HaolinTest;
import org.haolin.MovableClock;
import org.haolin.TestTown;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static haolin.schema.Tables.AUDIT_EVENT;
import static haolin.schema.Tables.ROLE_ASSIGNMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@HaolinTest
class AccountAdministrationTests {

    @Autowired
    TestTown testTown;
    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Scopes scopes;
    @Autowired
    AuditLog auditLog;
    @Autowired
    MovableClock clock;
    @Autowired
    DSLContext db;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    @Test
    void everyoneButTheSystemAdministratorIsRefusedOnEveryAccountPage() throws Exception {
        long target = town.leader2().accountId();
        for (HaolinUser outsider : List.of(town.townAdmin(), town.leader1(), town.epidemicOffice())) {
            for (MockHttpServletRequestBuilder request : List.of(
                    get("/admin/accounts"), get("/admin/accounts").param("q", "leader"),
                    get("/admin/accounts/{id}", target), get("/admin/accounts/{id}", target).param("area", "星火"),
                    post("/admin/accounts").param("username", "intruder" + town.n()).param("displayName", "x")
                            .param("password", "long enough password"),
                    post("/admin/accounts/{id}/enabled", target).param("enabled", "false"),
                    post("/admin/accounts/{id}/unlock", target),
                    post("/admin/accounts/{id}/second-factor/reset", target),
                    post("/admin/accounts/{id}/roles", target).param("role", "TOWN_ADMIN")
                            .param("areaId", String.valueOf(town.town().id())),
                    post("/admin/accounts/{id}/roles/{a}/remove", target, 1L))) {
                MockHttpServletResponse answer = as(outsider, request);
                assertThat(answer.getStatus()).as(outsider.username() + " " + request).isEqualTo(403);
                assertThat(answer.getContentAsString()).doesNotContain(town.leader2().username());
            }
        }
        assertThat(accounts.idOf("intruder" + town.n())).isEmpty();
        assertThat(accounts.user(target).orElseThrow().grants()).hasSize(1);
    }

    @Test
    void theSystemAdministratorFindsAccountsAndCreatesOneWithAProperPassword() throws Exception {
        String list = as(town.systemAdmin(), get("/admin/accounts").param("q", "leader" + town.n())).getContentAsString();
        assertThat(list).contains(town.leader1().username()).doesNotContain(town.secretary1().username());

        MockHttpServletResponse shortPassword = as(town.systemAdmin(), post("/admin/accounts")
                .param("username", "newbie" + town.n()).param("displayName", "新同志").param("password", "elevenchars"));
        assertThat(shortPassword.getStatus()).isEqualTo(400);
        assertThat(shortPassword.getContentAsString()).contains("密码至少需要 12 个字符", "newbie" + town.n());

        MockHttpServletResponse badName = as(town.systemAdmin(), post("/admin/accounts")
                .param("username", "x").param("displayName", "新同志").param("password", "long enough password"));
        assertThat(badName.getStatus()).isEqualTo(400);
        assertThat(badName.getContentAsString()).contains("用户名须为 3 到 40 个字符");

        MockHttpServletResponse created = as(town.systemAdmin(), post("/admin/accounts")
                .param("username", "Newbie" + town.n()).param("displayName", "新同志").param("password", "long enough password"));
        long id = accounts.idOf("newbie" + town.n()).orElseThrow();
        assertThat(created.getRedirectedUrl()).isEqualTo("/admin/accounts/" + id);
        assertThat(new Visitor(mvc).signIn("newbie" + town.n(), "long enough password").getRedirectedUrl()).isEqualTo("/");
        assertThat(changes(id)).containsExactly("created");
    }

    @Test
    void aRoleIsAssignedOnAnAreaFoundByNameAndRemovedAgain() throws Exception {
        long id = accounts.create("helper" + town.n(), "帮手", TestTown.PASSWORD, false);
        String found = as(town.systemAdmin(), get("/admin/accounts/{id}", id).param("area", town.town().name()))
                .getContentAsString();
        assertThat(found).contains(town.town().name(), "value=\"" + town.town().id() + "\"");

        assertThat(as(town.systemAdmin(), post("/admin/accounts/{id}/roles", id).param("role", "SOCIAL_WORKER")
                .param("areaId", String.valueOf(town.area2().id()))).getRedirectedUrl()).isEqualTo("/admin/accounts/" + id);
        HaolinUser helper = accounts.user(id).orElseThrow();
        assertThat(helper.grants()).containsExactly(new Grant(Role.SOCIAL_WORKER, town.town().id(), town.area2().id(),
                town.area2().path()));
        String page = as(town.systemAdmin(), get("/admin/accounts/{id}", id)).getContentAsString();
        assertThat(page).contains("社工", town.town().name() + " / " + town.area2().name());

        var audited = db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.OBJECT_TYPE.eq("ACCOUNT"), AUDIT_EVENT.OBJECT_ID.eq(id),
                AUDIT_EVENT.ACTION.eq("ACCOUNT_CHANGE")).fetchOne();
        assertThat(audited.getTownId()).isEqualTo(town.town().id());
        assertThat(audited.getAreaPath()).isEqualTo(town.area2().path());
        assertThat(auditLog.page(town.townAdmin(), new AuditLog.Query(town.systemAdmin().username(), null, null, null,
                AuditAction.ACCOUNT_CHANGE, null, null)).entries()).extracting(AuditLog.Entry::objectId).containsExactly(id);

        long assignment = db.select(ROLE_ASSIGNMENT.ID).from(ROLE_ASSIGNMENT).where(ROLE_ASSIGNMENT.ACCOUNT_ID.eq(id))
                .fetchSingle(ROLE_ASSIGNMENT.ID);
        as(town.systemAdmin(), post("/admin/accounts/{id}/roles/{a}/remove", id, assignment));
        assertThat(accounts.user(id).orElseThrow().grants()).isEmpty();
        assertThat(changes(id)).hasSize(2);
    }

    @Test
    void roleRequestsThatMakeNoSenseAreRefusedWithAReason() throws Exception {
        MockHttpServletResponse onDistrict = as(town.systemAdmin(), post("/admin/accounts/{id}/roles",
                town.leader1().accountId()).param("role", "TOWN_ADMIN").param("areaId", String.valueOf(town.district().id())));
        assertThat(onDistrict.getStatus()).isEqualTo(400);
        assertThat(onDistrict.getContentAsString()).contains("或它在镇一级以上");

        MockHttpServletResponse toASystemAdmin = as(town.systemAdmin(), post("/admin/accounts/{id}/roles",
                town.systemAdmin().accountId()).param("role", "TOWN_ADMIN").param("areaId", String.valueOf(town.town().id())));
        assertThat(toASystemAdmin.getStatus()).isEqualTo(400);
        assertThat(accounts.user(town.systemAdmin().accountId()).orElseThrow().grants()).isEmpty();
    }

    @Test
    void aDisabledAccountIsSignedOutAndItsTokensStopWorking() throws Exception {
        String token = accounts.createToken(town.leader1().accountId(), "sync");
        Visitor leader = Visitor.signedIn(mvc, accounts, clock, town.leader1());
        assertThat(leader.perform(get("/me")).getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/v1/stairwells/{id}/roster", town.stairwell1().id()) // the token's user is held now
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn().getResponse().getStatus()).isEqualTo(200);

        assertThat(as(town.systemAdmin(), post("/admin/accounts/{id}/enabled", town.leader1().accountId())
                .param("enabled", "false")).getRedirectedUrl()).isEqualTo("/admin/accounts/" + town.leader1().accountId());

        assertThat(leader.perform(get("/me")).getRedirectedUrl()).endsWith("/login");
        assertThat(mvc.perform(get("/api/v1/stairwells/{id}/roster", town.stairwell1().id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(new Visitor(mvc).signIn(town.leader1().username(), TestTown.PASSWORD).getRedirectedUrl())
                .isEqualTo("/login?error");

        as(town.systemAdmin(), post("/admin/accounts/{id}/enabled", town.leader1().accountId()).param("enabled", "true"));
        assertThat(new Visitor(mvc).signIn(town.leader1().username(), TestTown.PASSWORD).getRedirectedUrl()).isEqualTo("/");
        assertThat(changes(town.leader1().accountId())).containsExactly("disabled", "enabled");
    }

    @Test
    void theSystemAdministratorCannotDisableThemselves() throws Exception {
        assertThat(as(town.systemAdmin(), post("/admin/accounts/{id}/enabled", town.systemAdmin().accountId())
                .param("enabled", "false")).getStatus()).isEqualTo(400);
        assertThat(accounts.user(town.systemAdmin().accountId())).isPresent();
    }

    @Test
    void aLockedAccountIsUnlockedAndALostPhoneIsReset() throws Exception {
        for (int i = 0; i < 5; i++) {
            new Visitor(mvc).signIn(town.leader1().username(), "wrong password " + i);
        }
        assertThat(as(town.systemAdmin(), get("/admin/accounts/{id}", town.leader1().accountId())).getContentAsString())
                .contains("已锁定");
        as(town.systemAdmin(), post("/admin/accounts/{id}/unlock", town.leader1().accountId()));
        assertThat(new Visitor(mvc).signIn(town.leader1().username(), TestTown.PASSWORD).getRedirectedUrl()).isEqualTo("/");

        accounts.setSecondFactorSecret(town.townAdmin().accountId(), "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        as(town.systemAdmin(), post("/admin/accounts/{id}/second-factor/reset", town.townAdmin().accountId()));
        assertThat(accounts.secondFactorSecret(town.townAdmin().accountId())).isEmpty();
        assertThat(changes(town.leader1().accountId())).containsExactly("unlocked");
        assertThat(changes(town.townAdmin().accountId())).containsExactly("second factor reset");
    }

    @Test
    void theSystemAdministratorReadsNoResidentData() throws Exception {
        HaolinUser sysadmin = town.systemAdmin();
        long resident = town.residents().getFirst();
        assertThat(as(sysadmin, get("/stairwells/{id}", town.stairwell1().id())).getStatus()).isEqualTo(404);
        assertThat(as(sysadmin, get("/residents").param("q", "张")).getStatus()).isEqualTo(403);
        assertThat(as(sysadmin, get("/residents/{id}", resident)).getStatus()).isEqualTo(404);
        assertThat(as(sysadmin, post("/residents/{id}/unmask", resident).param("reason", "curious")).getStatus()).isEqualTo(404);
        assertThat(as(sysadmin, get("/audit")).getStatus()).isEqualTo(403);
        assertThat(as(sysadmin, get("/tags")).getStatus()).isEqualTo(403);

        String token = accounts.createToken(sysadmin.accountId(), "admin script");
        MockHttpServletResponse api = mvc.perform(get("/api/v1/stairwells/{id}/roster", town.stairwell1().id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(404);
        assertThat(api.getContentAsString()).doesNotContain("张建国");

        // even a system administrator somehow holding a grant gets an empty scope
        HaolinUser withGrant = new HaolinUser(sysadmin.accountId(), sysadmin.username(), sysadmin.displayName(), true,
                town.townAdmin().grants());
        assertThat(scopes.of(withGrant, Permission.READ_RESIDENTS).isEmpty()).isTrue();
        assertThat(withGrant.may(Permission.READ_RESIDENTS)).isFalse();
    }

    private MockHttpServletResponse as(HaolinUser user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, AuthorityUtils.createAuthorityList("SIGNED_IN"))))).andReturn().getResponse();
    }

    private List<String> changes(long accountId) {
        return db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT).where(AUDIT_EVENT.OBJECT_TYPE.eq("ACCOUNT"),
                        AUDIT_EVENT.OBJECT_ID.eq(accountId), AUDIT_EVENT.ACTION.eq("ACCOUNT_CHANGE"))
                .orderBy(AUDIT_EVENT.AT, AUDIT_EVENT.ID).fetch(AUDIT_EVENT.DETAIL).stream()
                .map(d -> d.startsWith("role ") ? "role" : d).toList();
    }
}
