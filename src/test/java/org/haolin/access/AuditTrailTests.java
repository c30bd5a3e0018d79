package org.haolin.access;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.resident.Residents;
import org.haolin.resident.TagSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static haolin.schema.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@HaolinTest
class AuditTrailTests {

    @Autowired
    TestTown testTown;
    @Autowired
    Residents residents;
    @Autowired
    DSLContext db;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    private java.util.List<String> actionsOf(HaolinUser user) {
        return db.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).where(AUDIT_EVENT.ACCOUNT_ID.eq(user.accountId()))
                .orderBy(AUDIT_EVENT.AT, AUDIT_EVENT.ID).fetch(AUDIT_EVENT.ACTION);
    }

    @Test
    void everyListReadChangeAndUnmaskLeavesARowWithoutTheSensitiveValue() {
        long residentId = town.residents().getFirst();
        residents.roster(town.secretary1(), town.stairwell1().id());
        residents.detail(town.secretary1(), residentId);
        residents.addTag(town.secretary1(), residentId, "RECENTLY_VACCINATED", null, TagSource.MANUAL, null);
        residents.unmask(town.secretary1(), residentId, "医院核对身份");

        assertThat(actionsOf(town.secretary1())).containsExactly("LIST", "READ", "TAG_ADD", "UNMASK");
        var rows = db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ACCOUNT_ID.eq(town.secretary1().accountId())).fetch();
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.getTownId()).isEqualTo(town.town().id());
            assertThat(r.getAreaPath()).startsWith(town.stairwell1().path());
            assertThat(String.valueOf(r.getDetail())).doesNotContain(town.idNumbers().getFirst(), town.phones().getFirst());
        });
    }

    @Test
    void refusedAccessIsRecordedAsDenied() {
        try {
            residents.unmask(town.leader1(), town.residents().getFirst(), "just looking");
        } catch (RuntimeException expected) {
            // the refusal itself is what this test is about
        }
        assertThat(db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ACCOUNT_ID.eq(town.leader1().accountId()),
                AUDIT_EVENT.ACTION.eq("UNMASK")).fetchOne().getResult()).isEqualTo("DENIED");
    }

    @Test
    void theTrailCannotBeChangedOrDeleted() {
        residents.roster(town.leader1(), town.stairwell1().id());
        assertThatThrownBy(() -> db.update(AUDIT_EVENT).set(AUDIT_EVENT.RESULT, "OK")
                .where(AUDIT_EVENT.ACCOUNT_ID.eq(town.leader1().accountId())).execute())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ACCOUNT_ID.eq(town.leader1().accountId()))
                .execute()).hasMessageContaining("append-only");
    }
}
