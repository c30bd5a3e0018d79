package org.haolin.platform;

import org.dhatim.fastexcel.reader.Cell;

import java.math.BigDecimal;
import java.util.List;

/**
 * A workbook cell read as a person sees it in Excel or WPS: a formula by its last calculated value, a date
 * as a date, a whole number without ".0", an 18-digit number typed as a number as typed (3.1E+17), and
 * cells that cannot be read (error values, formulas never calculated) named by a message key.
 */
public final class XlsxCells {

    private static final List<String> ERROR_VALUES = List.of("#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!",
            "#NULL!", "#SPILL!", "#CALC!");

    private XlsxCells() {
    }

    /** A formula never calculated (the file was not saved by Excel or WPS), or an error value such as #N/A. */
    public static String issue(Cell cell) {
        return switch (cell.getType()) {
            case ERROR -> "import.cell.error";
            case FORMULA -> cell.getRawValue() == null ? "import.cell.formulaWithoutValue"
                    : ERROR_VALUES.contains(cell.getRawValue()) ? "import.cell.error" : null;
            default -> null;
        };
    }

    public static String text(Cell cell, boolean dateColumn) {
        Object value = cell.getValue();
        return switch (cell.getType()) {
            case EMPTY -> "";
            case BOOLEAN -> Boolean.TRUE.equals(value) ? "TRUE" : "FALSE";
            case NUMBER -> number(cell, dateColumn);
            case FORMULA -> value instanceof BigDecimal ? number(cell, dateColumn) : cell.getRawValue();
            default -> value == null ? "" : value.toString();
        };
    }

    /** Whole numbers without ".0"; dates (days since 1900, below 100000) as 1948-03-05; 3.1E+17 stays as typed. */
    private static String number(Cell cell, boolean dateColumn) {
        String raw = cell.getRawValue();
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        if (raw.indexOf('E') >= 0 || raw.indexOf('e') >= 0) {
            return raw;
        }
        BigDecimal number = new BigDecimal(raw);
        if (dateColumn && number.signum() > 0 && number.compareTo(BigDecimal.valueOf(100_000)) < 0) {
            return cell.asDate().toLocalDate().toString();
        }
        return number.stripTrailingZeros().toPlainString();
    }
}
