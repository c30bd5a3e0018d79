package org.haolin.resident;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.platform.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@HaolinTest
class PersonalCodesTests {

    @Autowired
    TestTown testTown;
    @Autowired
    PersonalCodes codes;

    TestTown.Town town;
    long resident;
    String code;

    @BeforeEach
    void setUp() {
        town = testTown.create();
        resident = town.residents().getFirst();
        code = codes.currentCode(town.town().id(), resident, "test");
    }

    @Test
    void aCodeVerifiesToItsResidentAndTheirStairwell() {
        PersonalCodes.CodeHolder holder = codes.verify(code).orElseThrow();

        assertThat(holder.residentId()).isEqualTo(resident);
        assertThat(holder.townId()).isEqualTo(town.town().id());
        assertThat(holder.areaId()).isEqualTo(town.stairwell1().id());
        assertThat(holder.areaPath()).isEqualTo(town.stairwell1().path());
        assertThat(codes.currentCode(town.town().id(), resident, "again")).isEqualTo(code);
    }

    @Test
    void scannersMayTypeItInLowerCaseWithBlanksAround() {
        assertThat(codes.verify("  " + code.toLowerCase(Locale.ROOT) + "\n")).isPresent();
    }

    @Test
    void theCodeCarriesNoIdNumberPhoneOrName() {
        assertThat(code).matches("HL[0-9A-Z]{1,13}-[A-HJ-NP-Z2-9]{10}")
                .doesNotContain(town.idNumbers().getFirst(), town.idNumbers().getFirst().substring(6, 14),
                        town.phones().getFirst(), town.names().getFirst(), String.valueOf(resident));
    }

    @Test
    void aForgedSignatureIsRejected() {
        String signature = code.substring(code.indexOf('-') + 1);
        char first = signature.charAt(0);
        String forged = code.substring(0, code.indexOf('-') + 1) + (first == 'A' ? 'B' : 'A') + signature.substring(1);

        assertThat(codes.verify(forged)).isEmpty();
    }

    @Test
    void anotherIdUnderThisSignatureIsRejected() {
        long id = Long.parseLong(code.substring(2, code.indexOf('-')), 36);
        String tampered = "HL" + Long.toString(id + 1, 36).toUpperCase(Locale.ROOT) + code.substring(code.indexOf('-'));

        assertThat(codes.verify(tampered)).isEmpty();
    }

    @Test
    void malformedCodesAreRejected() {
        for (String malformed : Arrays.asList(null, "", "HL", "HL-", code.replace("-", ""), "XX" + code.substring(2),
                code + "A", code.substring(0, code.length() - 1), "HL" + "Z".repeat(20) + "-ABCDEFGHJK",
                code.replace('-', '_'), "'; DROP TABLE personal_code; --")) {
            assertThat(codes.verify(malformed)).as(String.valueOf(malformed)).isEmpty();
        }
    }

    @Test
    void aRevokedCodeStopsWorkingAndTheNewOneWorks() {
        String reissued = codes.revokeAndReissue(town.leader1(), resident, "卡片遗失");

        assertThat(reissued).isNotEqualTo(code);
        assertThat(codes.verify(code)).isEmpty();
        assertThat(codes.verify(reissued).orElseThrow().residentId()).isEqualTo(resident);
        assertThat(codes.currentCode(town.town().id(), resident, "test")).isEqualTo(reissued);
    }

    @Test
    void onlyEditorsOfTheStairwellRevokeAndOnlyWithAReason() {
        assertThatThrownBy(() -> codes.revokeAndReissue(town.leader2(), resident, "x"))
                .isInstanceOf(DomainException.class).hasMessage("resident.notFound");
        assertThatThrownBy(() -> codes.revokeAndReissue(town.leader1(), resident, " "))
                .hasMessage("personalCode.reason.invalid");
        assertThat(codes.verify(code)).isPresent();
    }

    @Test
    void aBatchAnswersOnlyTheValidCodes() {
        String other = codes.currentCode(town.town().id(), town.residents().get(3), "test");
        String forged = code.substring(0, code.length() - 1) + (code.endsWith("A") ? "B" : "A");

        var valid = codes.verifyAll(List.of(code, other, forged, "nonsense"));

        assertThat(valid).containsOnlyKeys(code, other);
        assertThat(valid.get(other).residentId()).isEqualTo(town.residents().get(3));
    }

    @Test
    void issuingMissingCodesGivesEachResidentOneOnce() {
        int issued = codes.issueMissing(town.town().id(), "test");

        assertThat(issued).isEqualTo(4);
        assertThat(codes.issueMissing(town.town().id(), "test")).isZero();
        assertThat(codes.currentCode(town.town().id(), resident, "test")).isEqualTo(code);
    }
}
