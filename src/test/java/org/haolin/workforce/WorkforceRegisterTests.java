package org.haolin.workforce;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.platform.DomainException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static haolin.schema.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@HaolinTest
class WorkforceRegisterTests {

    @Autowired
    TestTown testTown;
    @Autowired
    WorkforceRegister register;
    @Autowired
    DSLContext db;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    private static PersonForm form(String name, String phone, List<Long> organisations, Long residentId, Long accountId) {
        return new PersonForm(name, "SOCIAL_WORKER", "医护、驾驶, 心理疏导", phone, true, true, 40, true,
                organisations, residentId, accountId);
    }

    @Test
    void aResidentialAreaGetsItsPartyOrganisationAndFourForcesOnTheFirstVisit() {
        AreaWorkforce first = register.area(town.secretary1(), town.area1().id());
        AreaWorkforce again = register.area(town.secretary1(), town.area1().id());

        assertThat(first.organisations()).extracting(Organisation::kind).containsExactly(OrganisationKind.values());
        assertThat(again.organisations()).isEqualTo(first.organisations());
        assertThat(first.organisations().getFirst().name()).startsWith("星火居民区");
    }

    @Test
    void aPersonIsAddedWithOrganisationRankSkillsAndAMaskedPhone() {
        long party = organisation(OrganisationKind.PARTY);
        long id = register.add(town.secretary1(), town.area1().id(),
                form("周红", "13912345678", List.of(party), town.residents().get(2), town.volunteer1().accountId()));

        Person person = register.person(town.secretary1(), id);
        assertThat(person.name()).isEqualTo("周红");
        assertThat(person.rankCode()).isEqualTo("SOCIAL_WORKER");
        assertThat(person.skills()).containsExactly("医护", "驾驶", "心理疏导");
        assertThat(person.phoneMasked()).isEqualTo("139****5678");
        assertThat(person.organisationIds()).containsExactly(party);
        assertThat(person.partyRegistered()).isTrue();
        assertThat(person.maxHoursWeek()).isEqualTo(40);
        assertThat(register.area(town.secretary1(), town.area1().id()).membersOf(party))
                .extracting(Person::id).containsExactly(id);
        assertThat(audited("WORKFORCE", id)).isEqualTo(1);
        assertThat(audited("READ", id)).isEqualTo(1);
    }

    @Test
    void eachWrongFieldIsNamed() {
        long area = town.area1().id();
        assertRefused(() -> register.add(town.secretary1(), area, form(" ", null, List.of(), null, null)),
                "workforce.field.name");
        assertRefused(() -> register.add(town.secretary1(), area, form("周红", "12345", List.of(), null, null)),
                "workforce.field.phone");
        assertRefused(() -> register.add(town.secretary1(), area, new PersonForm("周红", "GENERAL", null, null, null,
                null, null, null, null, null, null)), "workforce.field.rank");
        assertRefused(() -> register.add(town.secretary1(), area, new PersonForm("周红", null, null, null, null,
                null, 90, null, null, null, null)), "workforce.field.maxHoursWeek");
        assertRefused(() -> register.add(town.secretary1(), area, form("周红", null, List.of(-1L), null, null)),
                "workforce.field.organisations");
        // a resident of another residential area, an account without a role here
        assertRefused(() -> register.add(town.townAdmin(), area, form("周红", null, List.of(), town.residents().get(3), null)),
                "workforce.field.resident");
        assertRefused(() -> register.add(town.secretary1(), area, form("周红", null, List.of(), null,
                town.leader2().accountId())), "workforce.field.account");
    }

    @Test
    void theSameResidentOrAccountIsNotTwoPeople() {
        long area = town.area1().id();
        register.add(town.secretary1(), area, form("周红", null, List.of(), town.residents().get(2),
                town.volunteer1().accountId()));

        assertRefused(() -> register.add(town.secretary1(), area, form("周红二", null, List.of(),
                town.residents().get(2), null)), "workforce.person.residentTaken");
        assertRefused(() -> register.add(town.secretary1(), area, form("周红三", null, List.of(), null,
                town.volunteer1().accountId())), "workforce.person.accountTaken");
    }

    @Test
    void anEditKeepsThePhoneWhenLeftBlankAndRefusesAStaleVersion() {
        long id = register.add(town.secretary1(), town.area1().id(), form("周红", "13912345678", List.of(), null, null));
        int version = register.version(town.secretary1(), id);

        register.update(town.secretary1(), id, version, new PersonForm("周红梅", "DIRECTOR", "", "", false, false,
                30, false, List.of(), null, null));

        Person person = register.person(town.secretary1(), id);
        assertThat(person.name()).isEqualTo("周红梅");
        assertThat(person.phoneMasked()).isEqualTo("139****5678");
        assertThat(person.active()).isFalse();
        assertRefused(() -> register.update(town.secretary1(), id, version, form("周", null, List.of(), null, null)),
                "workforce.person.changedMeanwhile");
    }

    @Test
    void unmaskingThePhoneNeedsUnmaskAndIsAudited() {
        long id = register.add(town.secretary1(), town.area1().id(), form("周红", "13912345678", List.of(), null, null));

        assertThat(register.unmaskPhone(town.secretary1(), id, "call about a shift")).isEqualTo("13912345678");
        assertThat(audited("UNMASK", id)).isEqualTo(1);
        // the social worker manages the workforce but may not unmask
        assertThatThrownBy(() -> register.unmaskPhone(town.socialWorker1(), id, "curious"))
                .isInstanceOf(DomainException.class).hasMessage("unmask.notAllowed");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.OBJECT_ID.eq(id), AUDIT_EVENT.RESULT.eq("DENIED"))).isEqualTo(1);
    }

    @Test
    void cadresServeTheTownAndOnlyTownStaffManageThem() {
        long cadre = register.add(town.townAdmin(), town.town().id(), new PersonForm("刘处长", "DIVISION", null, null,
                true, false, null, null, null, null, null));

        assertThat(register.areas(town.townAdmin())).extracting(a -> a.id())
                .containsExactly(town.town().id(), town.area1().id(), town.area2().id());
        assertThat(register.areas(town.secretary1())).extracting(a -> a.id()).containsExactly(town.area1().id());
        assertThatThrownBy(() -> register.person(town.secretary1(), cadre)).hasMessage("workforce.person.notFound");
    }

    @Test
    void outsidersSeeNothing() {
        long id = register.add(town.secretary1(), town.area1().id(), form("周红", null, List.of(), null, null));
        TestTown.Town elsewhere = testTown.create();

        assertThatThrownBy(() -> register.person(elsewhere.townAdmin(), id)).hasMessage("workforce.person.notFound");
        assertThatThrownBy(() -> register.person(town.leader1(), id)).hasMessage("workforce.person.notFound");
        assertThatThrownBy(() -> register.area(elsewhere.secretary1(), town.area1().id())).hasMessage("area.notFound");
        assertThatThrownBy(() -> register.area(town.secretary1(), town.area2().id())).hasMessage("area.notFound");
        assertThat(register.areas(town.partyMember1())).isEmpty();
    }

    @Test
    void trainingIsRecordedPerPerson() {
        long id = register.add(town.secretary1(), town.area1().id(), form("周红", null, List.of(), null, null));

        register.addTraining(town.secretary1(), id, "防护用品穿脱", LocalDate.now().minusDays(3), "合格");
        assertRefused(() -> register.addTraining(town.secretary1(), id, "", LocalDate.now(), null), "workforce.field.course");
        assertRefused(() -> register.addTraining(town.secretary1(), id, "x", LocalDate.now().plusDays(2), null),
                "workforce.field.completedOn");

        assertThat(register.trainings(town.secretary1(), id)).extracting(Training::course, Training::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("防护用品穿脱", "合格"));
        assertThat(register.person(town.secretary1(), id).trainings()).isEqualTo(1);
    }

    @Test
    void anOrganisationIsRenamed() {
        long party = organisation(OrganisationKind.PARTY);
        register.renameOrganisation(town.secretary1(), party, "星火居民区党总支");

        assertThat(register.area(town.secretary1(), town.area1().id()).organisations())
                .extracting(Organisation::name).contains("星火居民区党总支");
        assertRefused(() -> register.renameOrganisation(town.secretary1(), party, ""), "workforce.field.organisationName");
        assertThatThrownBy(() -> register.renameOrganisation(testTown.create().townAdmin(), party, "x"))
                .hasMessage("workforce.organisation.notFound");
    }

    private long organisation(OrganisationKind kind) {
        return register.area(town.secretary1(), town.area1().id()).organisations().stream()
                .filter(o -> o.kind() == kind).findFirst().orElseThrow().id();
    }

    private int audited(String action, long id) {
        return db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(action), AUDIT_EVENT.OBJECT_TYPE.eq("WORKFORCE_PERSON"),
                AUDIT_EVENT.OBJECT_ID.eq(id));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOf(DomainException.class).hasMessage(key);
    }
}
