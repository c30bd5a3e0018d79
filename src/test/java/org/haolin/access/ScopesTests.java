package org.haolin.access;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScopesTests {

    private final Scopes scopes = new Scopes();

    private static HaolinUser user(Grant... grants) {
        return new HaolinUser(1, "u", "U", false, List.of(grants));
    }

    @Test
    void aGrantCoversItsAreaAndEverythingBelowButNotItsNeighbours() {
        Scope scope = scopes.of(user(new Grant(Role.BUILDING_LEADER, 10, 15, "1.10.12.15.")), Permission.READ_RESIDENTS);
        assertThat(scope.covers("1.10.12.15.")).isTrue();
        assertThat(scope.covers("1.10.12.15.99.")).isTrue();
        assertThat(scope.covers("1.10.12.150.")).isFalse();
        assertThat(scope.covers("1.10.12.")).isFalse();
        assertThat(scope.covers(null)).isFalse();
    }

    @Test
    void onlyRolesGrantingThePermissionCount() {
        HaolinUser user = user(new Grant(Role.PARTY_MEMBER, 10, 12, "1.10.12."),
                new Grant(Role.BUILDING_LEADER, 10, 15, "1.10.12.15."));
        assertThat(scopes.of(user, Permission.READ_RESIDENTS).grants()).extracting(Grant::areaId).containsExactly(15L);
        assertThat(scopes.of(user, Permission.UNMASK).isEmpty()).isTrue();
    }

    @Test
    void nestedGrantsCollapseToTheOutermost() {
        HaolinUser user = user(new Grant(Role.SOCIAL_WORKER, 10, 15, "1.10.12.15."),
                new Grant(Role.AREA_SECRETARY, 10, 12, "1.10.12."),
                new Grant(Role.AREA_DIRECTOR, 10, 12, "1.10.12."),
                new Grant(Role.AREA_SECRETARY, 10, 13, "1.10.13."));
        assertThat(scopes.of(user, Permission.READ_RESIDENTS).grants()).extracting(Grant::areaId)
                .containsExactly(12L, 13L);
    }

    @Test
    void theConditionMatchesTownAndPathPrefixAndIsFalseWithoutGrants() {
        Scope scope = scopes.of(user(new Grant(Role.AREA_SECRETARY, 10, 12, "1.10.12.")), Permission.READ_RESIDENTS);
        String sql = DSL.using(org.jooq.SQLDialect.POSTGRES).renderInlined(
                scope.on(DSL.field("town_id", Long.class), DSL.field("area_path", String.class)));
        assertThat(sql).isEqualTo("(town_id = 10 and area_path like '1.10.12.%')");
        assertThat(DSL.using(org.jooq.SQLDialect.POSTGRES).renderInlined(
                scopes.of(user(), Permission.READ_RESIDENTS).on(DSL.field("town_id", Long.class),
                        DSL.field("area_path", String.class)))).isEqualTo("false");
    }

    @Test
    void aSystemAdministratorHoldsNoGrantsSoNoScope() {
        HaolinUser admin = new HaolinUser(1, "root", "Root", true, List.of());
        for (Permission permission : Permission.values()) {
            assertThat(scopes.of(admin, permission).isEmpty()).isTrue();
        }
        assertThat(admin.secondFactorRequired()).isTrue();
    }
}
