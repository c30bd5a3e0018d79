package org.haolin.resident;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputTextTests {

    @Test
    void fullWidthDigitsLettersAndSpacesBecomeHalfWidth() {
        assertThat(InputText.clean("　张　三　")).isEqualTo("张 三");
        assertThat(InputText.compact("１３８ ００１３ ８０００")).isEqualTo("13800138000");
        assertThat(InputText.idNumber("１１０１０５１９４９１２３１００２ｘ")).isEqualTo("11010519491231002X");
    }

    @Test
    void invisibleCharactersFromCopiedCellsGo() {
        assertThat(InputText.clean("\uFEFF王芳\u200B ")).isEqualTo("王芳");
        assertThat(InputText.clean("a\u00A0\tb")).isEqualTo("a b");
    }

    @Test
    void phonesWithCountryCodeOrDashesAreAccepted() {
        assertThat(InputText.phone("+86 138-0013-8000")).isEqualTo("13800138000");
        assertThat(InputText.isPhone(InputText.phone("+86 138-0013-8000"))).isTrue();
        assertThat(InputText.isPhone(InputText.compact("021-57123456"))).isTrue();
        assertThat(InputText.isPhone("12345")).isFalse();
        assertThat(InputText.isPhone("12800138000")).isFalse();
    }

    @Test
    void nullIsEmpty() {
        assertThat(InputText.clean(null)).isEmpty();
    }
}
