package org.haolin.screening.internal;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.Row;
import org.haolin.platform.DomainException;
import org.haolin.platform.XlsxCells;
import org.haolin.platform.XlsxSheets;
import org.haolin.resident.InputText;
import org.haolin.screening.ResultEntry;
import org.haolin.screening.ResultField;
import org.haolin.screening.ResultProblem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A lab's results in an .xlsx workbook: the first visible sheet with a header row (a title may stand above it)
 * naming the tube code and result columns, in Chinese or English; then every non-blank row below it.
 */
public final class ResultSheet {

    /** A lab's day is tens of thousands of tubes; a town's share of a city-wide day stays well below this. */
    public static final int MAX_ROWS = 100_000;
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final long MAX_UNPACKED_BYTES = 256L * 1024 * 1024;
    private static final int HEADER_SEARCH_ROWS = 10;
    private static final int MAX_COLUMNS = 100;

    /** The rows read with their row numbers in the sheet, and cells that could not be read. */
    public record Read(List<ResultEntry> rows, List<Integer> numbers, List<ResultProblem> problems) {
    }

    private static final Map<String, ResultField> BY_HEADER = new HashMap<>();

    static {
        headers(ResultField.TUBE_CODE, "试管编号", "管码", "试管码", "试管条码", "管号", "tube code", "tube", "tube no",
                "tube id", "tube barcode");
        headers(ResultField.RESULT, "检测结果", "结果", "核酸结果", "result", "test result");
    }

    private ResultSheet() {
    }

    public static Read read(Path file) {
        return XlsxSheets.readFirstWithHeader(file, MAX_BYTES, MAX_UNPACKED_BYTES, it -> {
            Map<ResultField, Integer> header = header(it);
            return header == null ? null : rows(it, header);
        }, "screening.result.file.noHeader");
    }

    private static Map<ResultField, Integer> header(Iterator<Row> it) {
        for (int seen = 0; seen < HEADER_SEARCH_ROWS && it.hasNext(); seen++) {
            Row row = it.next();
            Map<ResultField, Integer> columns = new EnumMap<>(ResultField.class);
            for (int c = 0; c < Math.min(row.getCellCount(), MAX_COLUMNS); c++) {
                String text = row.getCellText(c);
                ResultField field = text == null ? null : BY_HEADER.get(key(text));
                if (field != null && columns.putIfAbsent(field, c) != null) {
                    throw DomainException.invalid("import.file.duplicateColumn",
                            row.getCellText(columns.get(field)).strip(), text.strip());
                }
            }
            if (columns.size() == ResultField.values().length) {
                return columns;
            }
        }
        return null;
    }

    private static Read rows(Iterator<Row> it, Map<ResultField, Integer> header) {
        List<ResultEntry> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<ResultProblem> problems = new ArrayList<>();
        while (it.hasNext()) {
            Row row = it.next();
            String code = cell(row, header.get(ResultField.TUBE_CODE), ResultField.TUBE_CODE, problems);
            String result = cell(row, header.get(ResultField.RESULT), ResultField.RESULT, problems);
            if (code.isBlank() && result.isBlank()) {
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                throw DomainException.invalid("screening.result.rows.tooMany", String.valueOf(MAX_ROWS));
            }
            rows.add(new ResultEntry(code, result));
            numbers.add(row.getRowNum());
        }
        return new Read(rows, numbers, problems);
    }

    private static String cell(Row row, int column, ResultField field, List<ResultProblem> problems) {
        Cell cell = column < row.getCellCount() ? row.getCell(column) : null;
        if (cell == null) {
            return "";
        }
        String issue = XlsxCells.issue(cell);
        if (issue != null) {
            problems.add(ResultProblem.of(row.getRowNum(), field, issue, cell.getAddress().toString()));
            return "";
        }
        return XlsxCells.text(cell, false);
    }

    private static void headers(ResultField field, String... names) {
        for (String name : names) {
            BY_HEADER.put(key(name), field);
        }
    }

    /** Headers match whatever the spacing, width, case or "*"/"(必填)" marks. */
    private static String key(String header) {
        return InputText.compact(header).toLowerCase(Locale.ROOT).replace("(必填)", "").replace("*", "")
                .replace(":", "").replace(" ", "");
    }
}
