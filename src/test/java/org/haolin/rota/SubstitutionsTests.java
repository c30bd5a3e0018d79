package org.haolin.rota;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.platform.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A town's rank substitution rules: defaults, a change by the town, who may change, what is refused, the solver. */
@HaolinTest
class SubstitutionsTests {

    static final LocalDate FIRST = LocalDate.of(2026, 12, 7);
    static final Set<RankPair> DEFAULTS = Set.of(new RankPair("DIVISION", "SECRETARY"),
            new RankPair("SECTION", "DIRECTOR"), new RankPair("YOUNG_CADRE", "SOCIAL_WORKER"));

    @Autowired
    TestTown testTown;
    @Autowired
    Substitutions substitutions;
    @Autowired
    Rotas rotas;
    @Autowired
    RotaFixture fixture;
    @Autowired
    MessageSource messages;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    @Test
    void aTownWithoutRulesShowsTheDefaultsAndTheMatrixOfCadresAgainstSeats() {
        SubstitutionRules rules = substitutions.rules(town.secretary1(), null);

        assertThat(rules.townId()).isEqualTo(town.town().id());
        assertThat(rules.defaults()).isTrue();
        assertThat(rules.pairs()).isEqualTo(DEFAULTS);
        assertThat(rules.substitutes()).extracting(r -> r.code()).containsExactly("DIVISION", "SECTION", "YOUNG_CADRE");
        assertThat(rules.seats()).extracting(r -> r.code()).containsExactly("SECRETARY", "DIRECTOR", "SOCIAL_WORKER");
        assertThat(rules.changeable()).isFalse();
        assertThat(substitutions.rules(town.townAdmin(), null).changeable()).isTrue();
    }

    @Test
    void theTownReplacesItsRulesAndAnotherTownKeepsTheDefaults() {
        substitutions.change(town.epidemicOffice(), town.town().id(),
                List.of(new RankPair("SECTION", "SECRETARY"), new RankPair("DIVISION", "DIRECTOR")));

        SubstitutionRules rules = substitutions.rules(town.secretary1(), town.town().id());
        assertThat(rules.defaults()).isFalse();
        assertThat(rules.pairs()).containsExactlyInAnyOrder(new RankPair("SECTION", "SECRETARY"),
                new RankPair("DIVISION", "DIRECTOR"));

        TestTown.Town other = testTown.create();
        assertThat(substitutions.rules(other.townAdmin(), null).pairs()).isEqualTo(DEFAULTS);
        assertThatThrownBy(() -> substitutions.rules(other.townAdmin(), town.town().id()))
                .isInstanceOf(DomainException.class).hasMessage("area.notFound");
        assertThatThrownBy(() -> substitutions.change(other.townAdmin(), town.town().id(), DEFAULTS))
                .isInstanceOf(DomainException.class).hasMessage("area.notFound");
    }

    @Test
    void aSecretaryOfOneAreaMayReadButNotChange() {
        assertThatThrownBy(() -> substitutions.change(town.secretary1(), town.town().id(), DEFAULTS))
                .isInstanceOf(DomainException.class).hasMessage("rota.substitution.townOnly");
        assertThatThrownBy(() -> substitutions.rules(town.volunteer1(), null))
                .isInstanceOf(DomainException.class).hasMessage("area.notFound");
        assertThat(substitutions.rules(town.secretary1(), null).defaults()).isTrue();
    }

    @Test
    void badRulesAreRefusedNamingTheRankInTheReadersLanguage() {
        assertThat(refusal(new RankPair("DIVISION", "DIVISION"), Locale.ENGLISH))
                .isEqualTo("A rank cannot cover itself (division-level cadre).");
        assertThat(refusal(new RankPair("SECTION", "DIVISION"), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("处级干部没有每日固定岗位，无需顶岗。");
        assertThat(refusal(new RankPair("SOCIAL_WORKER", "DIRECTOR"), Locale.ENGLISH))
                .isEqualTo("social worker is not a town cadre; only cadres cover seats on rest days.");
        assertThat(refusal(new RankPair("MAYOR", "SECRETARY"), Locale.SIMPLIFIED_CHINESE)).isEqualTo("没有这个职级：MAYOR。");
        assertThatThrownBy(() -> substitutions.change(town.townAdmin(), town.town().id(), List.of()))
                .isInstanceOf(DomainException.class).hasMessage("rota.substitution.none");
        assertThat(substitutions.rules(town.townAdmin(), null).defaults()).as("nothing stored").isTrue();
    }

    @Test
    void aSolvedRotaUsesTheTownsRules() {
        fixture.person(town, town.area1(), "李书记", "SECRETARY", null, 60);
        long section = fixture.person(town, town.town(), "赵科", "SECTION", null, 60);
        long before = rotas.create(town.secretary1(), town.area1().id(), FIRST, 7, null);
        rotas.solve(town.secretary1(), before);
        assertThat(solved(before).state()).as("a 科级 may not cover a 书记 by default").isEqualTo(RotaState.INFEASIBLE);

        substitutions.change(town.townAdmin(), town.town().id(), List.of(new RankPair("SECTION", "SECRETARY")));
        long after = rotas.create(town.secretary1(), town.area1().id(), FIRST, 7, null);
        rotas.solve(town.secretary1(), after);

        assertThat(solved(after).state()).isEqualTo(RotaState.SOLVED);
        assertThat(rotas.shifts(town.secretary1(), after)).filteredOn(RotaShift::substitute).isNotEmpty()
                .allSatisfy(s -> assertThat(s.personId()).isEqualTo(section));
    }

    private String refusal(RankPair pair, Locale locale) {
        try {
            substitutions.change(town.townAdmin(), town.town().id(), List.of(pair));
        } catch (DomainException refused) {
            return messages.getMessage(refused.messageKey(), refused.args(), locale);
        }
        throw new AssertionError("accepted " + pair);
    }

    private Rota solved(long id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> rotas.rota(town.secretary1(), id).state() != RotaState.SOLVING);
        return rotas.rota(town.secretary1(), id);
    }
}
