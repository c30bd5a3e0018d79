package org.haolin.keygroup.internal;

import org.haolin.keygroup.NewKeyGroupRow;
import org.haolin.keygroup.RowStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules a row of an office list must pass, without a database. */
class RowChecksTests {

    @Test
    void documentsOtherThanMainlandIdsPassOnTheirShapeAndAMistypedMainlandIdIsCaught() {
        RowChecks checks = new RowChecks();
        List<RowChecks.CheckedRow> rows = checks.check(List.of(
                row("12345678", null), row("H12345678", null), row("31012019480101123", null),
                row("11010519491231002x", null)), List.of(2, 3, 4, 5));
        assertThat(rows).extracting(RowChecks.CheckedRow::number).containsExactly(2, 3, 5);
        assertThat(rows.getLast().idNumber()).isEqualTo("11010519491231002X");
        assertThat(checks.problems()).extracting(p -> p.row() + " " + p.messageKey())
                .containsExactly("4 rules.idNumber.LENGTH");
    }

    @Test
    void statusAndDatesAreReadAsOfficesWriteThem() {
        RowChecks checks = new RowChecks();
        var rows = checks.check(List.of(new NewKeyGroupRow("王芳", null, "+86 138 0013 8000", "星火一村5号楼", "2026/4/1",
                "2026年4月15日", "解除")), List.of(1));
        assertThat(checks.problems()).isEmpty();
        assertThat(rows.getFirst().phone()).isEqualTo("13800138000");
        assertThat(rows.getFirst().status()).isEqualTo(RowStatus.ENDED);
        assertThat(rows.getFirst().to()).hasDayOfMonth(15);
        assertThat(rows.getFirst().parsed().building()).isEqualTo("5");
    }

    private static NewKeyGroupRow row(String idNumber, String phone) {
        return new NewKeyGroupRow("某人", idNumber, phone, null, null, null, null);
    }
}
