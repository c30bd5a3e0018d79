package org.haolin.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

    @Test
    void idNumbersKeepFirstSixAndLastFour() {
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("110105********002X");
    }

    @Test
    void shortDocumentsKeepOnlyTheLastTwo() {
        assertThat(Masking.idNumber("E12345678")).isEqualTo("*******78");
    }

    @Test
    void phonesKeepFirstThreeAndLastFour() {
        assertThat(Masking.phone("13800138000")).isEqualTo("138****8000");
        assertThat(Masking.phone("02157123456")).isEqualTo("021****3456");
    }

    @Test
    void emptyStaysEmpty() {
        assertThat(Masking.idNumber(null)).isEmpty();
        assertThat(Masking.phone("")).isEmpty();
    }

    @Test
    void namesKeepTheirFirstAndLastCharacter() {
        assertThat(Masking.name("张建国")).isEqualTo("张*国");
        assertThat(Masking.name("李秀")).isEqualTo("李*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧**娜");
        assertThat(Masking.name("王")).isEqualTo("王");
    }
}
