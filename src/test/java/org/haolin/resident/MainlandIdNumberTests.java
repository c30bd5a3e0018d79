package org.haolin.resident;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class MainlandIdNumberTests {

    /** Published specimen numbers and numbers composed by hand with the GB 11643 weights. */
    @ParameterizedTest
    @CsvSource({
            "11010519491231002X, 1949-12-31, F",
            "440524190001010017, 1900-01-01, M",
            "110101199003074477, 1990-03-07, M",
            "310120198507150025, 1985-07-15, F"
    })
    void acceptsValidNumbersAndReadsBirthDateAndSex(String number, LocalDate birth, char sex) {
        MainlandIdNumber id = MainlandIdNumber.parse(number);
        assertThat(id.birthDate()).isEqualTo(birth);
        assertThat(id.sex()).isEqualTo(sex);
    }

    @ParameterizedTest
    @CsvSource({
            "110105194912310021, CHECK_DIGIT",
            "11010519491231002,  LENGTH",
            "1101051949123100201, LENGTH",
            "11010519491331002X, BIRTH_DATE",
            "11010519490230002X, BIRTH_DATE",
            "11010520991231002X, BIRTH_DATE",
            "1101051949123100AX, CHARACTERS",
            "01010519491231002X, REGION"
    })
    void namesWhatIsWrong(String number, MainlandIdNumber.Problem expected) {
        assertThat(MainlandIdNumber.problem(number)).contains(expected);
    }

    @Test
    void composedNumbersAreValidAndCarryTheirParts() {
        String number = MainlandIdNumber.compose("310120", LocalDate.of(1942, 2, 28), 37);
        assertThat(MainlandIdNumber.problem(number)).isEmpty();
        assertThat(MainlandIdNumber.parse(number).sex()).isEqualTo('M');
        assertThat(MainlandIdNumber.parse(MainlandIdNumber.compose("310120", LocalDate.of(1942, 2, 28), 38)).sex())
                .isEqualTo('F');
    }

    @Test
    void checkCharacterTenIsX() {
        assertThat(MainlandIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    }
}
