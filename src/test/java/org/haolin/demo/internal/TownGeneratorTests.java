package org.haolin.demo.internal;

import org.haolin.area.AreaLevel;
import org.haolin.resident.IdType;
import org.haolin.resident.MainlandIdNumber;
import org.haolin.resident.ResidenceStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo-sized town, generated without a database: what the first start loads. */
class TownGeneratorTests {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 4, 28, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    static final Set<String> HARDSHIP = Set.of("MINIMUM_LIVING_ALLOWANCE", "ILLNESS_CAUSED_POVERTY",
            "SEVERELY_DISABLED_NO_WORK", "DISPERSED_EXTREMELY_POOR", "SCATTERED_ORPHAN", "CHILD_IN_DIFFICULTY",
            "ELDERLY_80_LIVING_ALONE", "NEEDY_PREGNANT_WOMAN", "MIGRANT_WORKER_IN_HARDSHIP");

    static GeneratedTown town;

    @BeforeAll
    static void generate() {
        town = TownGenerator.generate(new TownSpec("海湾镇", "310120103", "310120", 20_000, 20260428L, NOW));
    }

    @Test
    void everyMainlandIdIsValidAndAgreesWithSexAndBirthDate() {
        List<Person> mainland = town.residents().stream().filter(p -> p.idType == IdType.MAINLAND_ID).toList();
        assertThat(mainland).hasSizeGreaterThan(19_800);
        for (Person p : mainland) {
            assertThat(MainlandIdNumber.problem(p.idNumber)).as(p.idNumber).isEmpty();
            MainlandIdNumber id = MainlandIdNumber.parse(p.idNumber);
            assertThat(id.sex()).isEqualTo(p.sex);
            assertThat(id.birthDate()).isEqualTo(p.birthDate);
        }
        long fromHere = mainland.stream().filter(p -> p.idNumber.startsWith("310")).count();
        assertThat(fromHere).isBetween(mainland.size() * 6L / 10, mainland.size() * 9L / 10);
    }

    @Test
    void idNumbersAndPhonesAreUniqueInTheTown() {
        List<String> ids = town.residents().stream().map(p -> p.idNumber).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        List<String> phones = town.residents().stream().map(p -> p.phone).filter(Objects::nonNull).toList();
        assertThat(new HashSet<>(phones)).hasSameSizeAs(phones);
        assertThat(phones).allMatch(p -> p.matches("1[3-9]\\d{9}"));
        assertThat(town.residents().stream().filter(p -> p.idType != IdType.MAINLAND_ID)).isNotEmpty();
    }

    @Test
    void aboutFourHundredElevenInTheNineHardshipCategoriesTheEldestAloneTheLargestGroup() {
        Map<String, Long> byCode = town.tags().stream().filter(t -> HARDSHIP.contains(t.code()))
                .collect(Collectors.groupingBy(PlannedTag::code, Collectors.counting()));
        long people = town.tags().stream().filter(t -> HARDSHIP.contains(t.code())).map(PlannedTag::resident)
                .distinct().count();
        assertThat(people).isBetween(400L, 422L);
        assertThat(byCode).containsOnlyKeys(HARDSHIP);
        assertThat(byCode.get("ELDERLY_80_LIVING_ALONE")).isEqualTo(byCode.values().stream().max(Long::compare).orElseThrow());
        assertThat(byCode.get("SCATTERED_ORPHAN")).isLessThan(10);
        assertThat(town.tags().stream().filter(t -> t.code().equals("ELDERLY_80_LIVING_ALONE")))
                .allSatisfy(t -> assertThat(town.residents().get(t.resident()).age(NOW.toLocalDate())).isGreaterThanOrEqualTo(80));
    }

    @Test
    void aSuburbanAgeSpreadWithManyElderly() {
        LocalDate today = NOW.toLocalDate();
        long elderly = town.residents().stream().filter(p -> p.age(today) >= 60).count();
        long children = town.residents().stream().filter(p -> p.age(today) < 18).count();
        assertThat(elderly).isBetween(4_000L, 8_000L);
        assertThat(children).isBetween(1_500L, 5_000L);
        assertThat(town.residents().stream().filter(p -> p.status == ResidenceStatus.LIVING_HERE).count())
                .isGreaterThan(17_500L);
    }

    @Test
    void namesArePlausible() {
        for (Person p : town.residents()) {
            if (p.idType == IdType.PASSPORT) {
                assertThat(p.name).matches("[A-Z]+( [A-Z]+)+");
            } else {
                assertThat(p.name).matches("\\p{IsHan}{2,3}");
                assertThat(NameGenerator.isKnownSurname(p.name)).isTrue();
            }
        }
        assertThat(town.residents().stream().map(p -> p.name).distinct().count()).isGreaterThan(5_000L);
    }

    @Test
    void theTreeHasFiveResidentialAreasTwentyFiveCompoundsAndRealisticBuildings() {
        assertThat(count(AreaLevel.RESIDENTIAL_AREA)).isEqualTo(5);
        assertThat(count(AreaLevel.COMPOUND)).isEqualTo(25);
        for (int c = 0; c < town.areas().size(); c++) {
            if (town.areas().get(c).level() == AreaLevel.COMPOUND) {
                int compound = c;
                assertThat(town.areas().stream().filter(a -> a.parent() == compound).count()).isBetween(6L, 20L);
            }
        }
        assertThat(town.areas().stream().filter(a -> a.level() == AreaLevel.STAIRWELL).map(PlannedArea::name))
                .allMatch(n -> n.matches("[1-3]单元"));
        Map<Integer, Long> perHousehold = town.residents().stream()
                .collect(Collectors.groupingBy(p -> p.household, Collectors.counting()));
        assertThat(perHousehold.values()).allMatch(n -> n >= 1 && n <= 5);
        assertThat(new HashSet<>(town.households())).hasSameSizeAs(town.households());
        assertThat(town.residents()).hasSize(20_000);
    }

    @Test
    void theSameSeedMakesTheSameTown() {
        GeneratedTown again = TownGenerator.generate(town.spec());
        assertThat(again.residents()).extracting(p -> p.name + p.idNumber + p.phone)
                .containsExactlyElementsOf(town.residents().stream().map(p -> p.name + p.idNumber + p.phone).toList());
        assertThat(again.households()).isEqualTo(town.households());
    }

    private long count(AreaLevel level) {
        return town.areas().stream().filter(a -> a.level() == level).count();
    }
}
