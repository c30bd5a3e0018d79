package org.haolin.resident;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.resident.ResidentBatch.Placement;
import org.haolin.resident.ResidentRegistry.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch path means what a single write means: same ID in the town is the same resident. */
@HaolinTest
class ResidentBatchTests {

    @Autowired
    TestTown testTown;
    @Autowired
    ResidentBatch batch;
    @Autowired
    ResidentRegistry registry;
    @Autowired
    Residents residents;
    @Autowired
    TransactionTemplate transaction;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    NewResident zhang(String phone, List<String> tags) {
        String id = town.idNumbers().getFirst();
        MainlandIdNumber parsed = MainlandIdNumber.parse(id);
        return new NewResident(town.stairwell1().id(), "301", town.names().getFirst(), String.valueOf(parsed.sex()), parsed.birthDate(),
                IdType.MAINLAND_ID, id, phone, ResidenceStatus.LIVING_HERE, null, tags);
    }

    List<Outcome> plan(NewResident... rs) {
        return transaction.execute(s -> batch.plan(town.town().id(), java.util.Arrays.stream(rs)
                .map(r -> new Placement(town.stairwell1(), r)).toList()).planned().stream()
                .map(ResidentBatch.Planned::outcome).toList());
    }

    @Test
    void anIdenticalWriteIsUnchangedBothWays() {
        NewResident same = zhang(town.phones().getFirst(), List.of("ELDERLY_80_LIVING_ALONE"));
        assertThat(plan(same)).containsExactly(Outcome.UNCHANGED);
        assertThat(registry.write(town.stairwell1(), same, TagSource.MANUAL, null, "test").outcome())
                .isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void aNewPhoneOrANewTagIsAnUpdateAndAnUnknownIdIsNew() {
        String id = MainlandIdNumber.compose("310120", LocalDate.of(1966, 6, 6), 321);
        NewResident stranger = new NewResident(town.stairwell1().id(), "302", "新人", "M", LocalDate.of(1966, 6, 6),
                IdType.MAINLAND_ID, id, null, ResidenceStatus.LIVING_HERE, null, List.of());
        assertThat(plan(zhang("13900139000", List.of()), stranger)).containsExactly(Outcome.UPDATED, Outcome.CREATED);
        assertThat(plan(zhang(town.phones().getFirst(), List.of("MINIMUM_LIVING_ALLOWANCE")))).containsExactly(Outcome.UPDATED);
    }

    @Test
    void applyingWritesResidentsHouseholdsAndTagsLikeSingleWrites() {
        String id = MainlandIdNumber.compose("310120", LocalDate.of(1971, 2, 3), 457);
        NewResident newcomer = new NewResident(town.stairwell1().id(), "2201", "梁静", "M", LocalDate.of(1971, 2, 3),
                IdType.MAINLAND_ID, id, "13500135000", ResidenceStatus.AWAY, "note", List.of("VOLUNTEER"));
        transaction.executeWithoutResult(s -> {
            ResidentBatch.Plan plan = batch.plan(town.town().id(), List.of(new Placement(town.stairwell1(), newcomer),
                    new Placement(town.stairwell1(), zhang("13700137000", List.of()))));
            batch.apply(plan, TagSource.IMPORT, town.secretary1().accountId(), "secretary", n -> { });
        });
        List<RosterEntry> entries = residents.roster(town.townAdmin(), town.stairwell1().id()).entries();
        RosterEntry liang = entries.stream().filter(e -> e.name().equals("梁静")).findFirst().orElseThrow();
        assertThat(liang.room()).isEqualTo("2201");
        assertThat(liang.phoneMasked()).isEqualTo("135****5000");
        assertThat(liang.idNumberMasked()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(liang.status()).isEqualTo(ResidenceStatus.AWAY);
        assertThat(liang.tags()).extracting(CurrentTag::code).containsExactly("VOLUNTEER");
        assertThat(entries.stream().filter(e -> e.name().equals(town.names().getFirst())).findFirst().orElseThrow().phoneMasked())
                .isEqualTo("137****7000");
        assertThat(residents.unmask(town.secretary1(), liang.residentId(), "checking the import").idNumber()).isEqualTo(id);
    }
}
