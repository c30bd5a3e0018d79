package org.haolin.workforce;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.area.Area;
import org.haolin.platform.DomainException;
import org.haolin.resident.AgedResident;
import org.haolin.resident.IdType;
import org.haolin.resident.MainlandIdNumber;
import org.haolin.resident.NewResident;
import org.haolin.resident.ResidenceStatus;
import org.haolin.resident.ResidentRegistry;
import org.haolin.resident.TagSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static haolin.schema.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@HaolinTest
class VolunteersTests {

    @Autowired
    TestTown testTown;
    @Autowired
    Volunteers volunteers;
    @Autowired
    WorkforceRegister register;
    @Autowired
    ResidentRegistry registry;
    @Autowired
    DSLContext db;
    @Autowired
    Workforce workforce;
    @Autowired
    Clock clock;

    TestTown.Town town;
    long aged60;
    long aged65;
    int sequence;

    @BeforeEach
    void setUp() {
        town = testTown.create();
        LocalDate today = LocalDate.now(clock);
        aged60 = resident(town.stairwell1(), "501", "赵六十", today.minusYears(60), ResidenceStatus.LIVING_HERE);
        aged65 = resident(town.stairwell1(), "502", "钱六五", today.minusYears(66).plusDays(1), ResidenceStatus.LIVING_HERE);
        resident(town.stairwell1(), "503", "孙六六", today.minusYears(66), ResidenceStatus.LIVING_HERE);
        resident(town.stairwell1(), "504", "李五九", today.minusYears(60).plusDays(1), ResidenceStatus.LIVING_HERE);
        resident(town.stairwell1(), "505", "周外出", today.minusYears(62), ResidenceStatus.AWAY);
        resident(town.stairwell2(), "106", "吴邻区", today.minusYears(62), ResidenceStatus.LIVING_HERE);
    }

    private long resident(Area stairwell, String room, String name, LocalDate birth, ResidenceStatus status) {
        String id = MainlandIdNumber.compose("310120", birth, (town.n() % 400) * 2 + sequence++);
        return registry.write(stairwell, new NewResident(stairwell.id(), room, name + town.n(), "M", birth,
                IdType.MAINLAND_ID, id, null, status, null, List.of()), TagSource.MANUAL, null, "test").residentId();
    }

    @Test
    void theSearchFindsExactlyTheStairwellsResidentsAged60To65LivingHere() {
        List<AgedResident> found = volunteers.candidates(town.secretary1(), town.stairwell1().id(), 60, 65);

        assertThat(found).extracting(AgedResident::residentId).containsExactly(aged60, aged65);
        assertThat(found).extracting(AgedResident::age).containsExactly(60, 65);
        assertThat(found.getFirst().nameMasked()).startsWith("赵").contains("*").doesNotContain("六十");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("LIST"), AUDIT_EVENT.OBJECT_TYPE.eq("AREA"),
                AUDIT_EVENT.OBJECT_ID.eq(town.stairwell1().id()))).isEqualTo(1);
    }

    @Test
    void recruitingRecordsConsentAndTheResidentLeavesTheNextSearch() {
        long id = volunteers.recruit(town.secretary1(), aged60, ConsentMethod.WECHAT);

        Person person = register.person(town.secretary1(), id);
        assertThat(person.volunteer()).isTrue();
        assertThat(person.residentId()).isEqualTo(aged60);
        assertThat(person.areaId()).isEqualTo(town.area1().id());
        assertThat(person.consentMethod()).isEqualTo(ConsentMethod.WECHAT);
        assertThat(person.consentByName()).isEqualTo(town.secretary1().displayName());
        assertThat(person.consentAt()).isNotNull();
        Organisation team = register.area(town.secretary1(), town.area1().id()).organisations().stream()
                .filter(o -> o.kind() == OrganisationKind.VOLUNTEERS).findFirst().orElseThrow();
        assertThat(person.organisationIds()).containsExactly(team.id());
        assertThat(volunteers.pool(town.secretary1())).extracting(Person::id).containsExactly(id);
        assertThat(workforce.rotaPool(town.town().id(), town.area1().path())).filteredOn(w -> w.personId() == id)
                .singleElement().satisfies(w -> assertThat(w.volunteer()).isTrue());
        assertThat(volunteers.candidates(town.secretary1(), town.stairwell1().id(), 60, 65))
                .extracting(AgedResident::residentId).containsExactly(aged65);
        assertThatThrownBy(() -> volunteers.recruit(town.secretary1(), aged60, ConsentMethod.PHONE))
                .isInstanceOf(DomainException.class).hasMessage("workforce.person.residentTaken");
    }

    @Test
    void withdrawingKeepsTheConsentAndTrainingOnRecord() {
        long id = volunteers.recruit(town.secretary1(), aged65, ConsentMethod.IN_PERSON);
        register.addTraining(town.secretary1(), id, "防护培训", LocalDate.now(clock), null);
        assertThat(volunteers.figures(town.secretary1())).singleElement()
                .isEqualTo(new VolunteerFigures(town.area1().id(), "星火居民区", 1, 1, 0));

        volunteers.withdraw(town.secretary1(), id);

        Person person = register.person(town.secretary1(), id);
        assertThat(person.volunteer()).isFalse();
        assertThat(person.withdrawnAt()).isNotNull();
        assertThat(person.consentMethod()).isEqualTo(ConsentMethod.IN_PERSON);
        assertThat(person.trainings()).isEqualTo(1);
        assertThat(person.organisationIds()).isEmpty();
        assertThat(person.active()).as("only a volunteer: off the rota pool").isFalse();
        assertThat(workforce.rotaPool(town.town().id(), town.area1().path())).extracting(Worker::personId)
                .doesNotContain(id);
        assertThat(volunteers.pool(town.secretary1())).isEmpty();
        assertThatThrownBy(() -> volunteers.withdraw(town.secretary1(), id)).hasMessage("volunteer.notInPool");
    }

    @Test
    void consentAndAgeBandAreChecked() {
        assertThatThrownBy(() -> volunteers.recruit(town.secretary1(), aged60, null))
                .hasMessage("volunteer.field.consentMethod");
        assertThatThrownBy(() -> volunteers.candidates(town.secretary1(), town.stairwell1().id(), 70, 60))
                .hasMessage("volunteer.field.ageBand");
    }

    @Test
    void outsidersNeitherSearchNorRecruit() {
        TestTown.Town elsewhere = testTown.create();
        assertThatThrownBy(() -> volunteers.candidates(elsewhere.secretary1(), town.stairwell1().id(), 60, 65))
                .hasMessage("area.notFound");
        assertThatThrownBy(() -> volunteers.candidates(town.leader1(), town.stairwell1().id(), 60, 65))
                .hasMessage("area.notFound");
        assertThatThrownBy(() -> volunteers.recruit(elsewhere.townAdmin(), aged60, ConsentMethod.PHONE))
                .hasMessage("resident.notFound");
        long id = volunteers.recruit(town.secretary1(), aged60, ConsentMethod.PHONE);
        assertThatThrownBy(() -> volunteers.withdraw(elsewhere.townAdmin(), id)).hasMessage("workforce.person.notFound");
        assertThat(volunteers.pool(elsewhere.townAdmin())).isEmpty();
        assertThat(volunteers.figures(elsewhere.townAdmin())).isEmpty();
    }
}
