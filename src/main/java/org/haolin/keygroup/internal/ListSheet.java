package org.haolin.keygroup.internal;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.Row;
import org.haolin.keygroup.ListField;
import org.haolin.keygroup.ListRowProblem;
import org.haolin.keygroup.NewKeyGroupRow;
import org.haolin.platform.DomainException;
import org.haolin.platform.XlsxCells;
import org.haolin.platform.XlsxSheets;
import org.haolin.resident.InputText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An office list in an .xlsx workbook: the first visible sheet with a header row (in its first rows, a title
 * may stand above it) naming the name column and at least one more, in Chinese or English; then every
 * non-blank row below it, as text a person sees in the cell.
 */
public final class ListSheet {

    /** The rows read, their row numbers in the sheet, and cells that could not be read. */
    public record Read(List<NewKeyGroupRow> rows, List<Integer> numbers, List<ListRowProblem> problems) {
    }

    private static final Map<String, ListField> BY_HEADER = new HashMap<>();

    static {
        headers(ListField.NAME, "姓名", "名字", "人员姓名", "name", "full name");
        headers(ListField.ID_NUMBER, "身份证号", "身份证号码", "证件号码", "证件号", "身份证", "id number", "id no",
                "id card number", "document number");
        headers(ListField.PHONE, "手机号", "手机号码", "联系电话", "电话", "手机", "联系方式", "phone", "mobile",
                "phone number", "telephone");
        headers(ListField.ADDRESS, "地址", "住址", "居住地址", "现住址", "家庭住址", "详细地址", "address",
                "home address");
        headers(ListField.FROM, "开始日期", "开始时间", "起始日期", "管控开始日期", "from", "start", "start date");
        headers(ListField.TO, "结束日期", "结束时间", "截止日期", "管控结束日期", "to", "end", "end date");
        headers(ListField.STATUS, "状态", "管控状态", "人员状态", "status");
    }

    private ListSheet() {
    }

    /** The field a header names, or null for a column the list does not read. */
    public static ListField field(String header) {
        return header == null ? null : BY_HEADER.get(key(header));
    }

    public static Read read(Path file) {
        return XlsxSheets.readFirstWithHeader(file, ListLimits.MAX_BYTES, ListLimits.MAX_UNPACKED_BYTES, it -> {
            Map<ListField, Integer> header = header(it);
            return header == null ? null : rows(it, header);
        }, "keygroup.file.noHeader");
    }

    /** The header among the first rows: the name and at least one more known column. */
    private static Map<ListField, Integer> header(Iterator<Row> it) {
        for (int seen = 0; seen < ListLimits.HEADER_SEARCH_ROWS && it.hasNext(); seen++) {
            Row row = it.next();
            Map<ListField, Integer> columns = new EnumMap<>(ListField.class);
            for (int c = 0; c < Math.min(row.getCellCount(), ListLimits.MAX_COLUMNS); c++) {
                ListField field = field(row.getCellText(c));
                if (field != null && columns.putIfAbsent(field, c) != null) {
                    throw DomainException.invalid("import.file.duplicateColumn", row.getCellText(columns.get(field)).strip(),
                            row.getCellText(c).strip());
                }
            }
            if (columns.size() >= 2) {
                if (!columns.containsKey(ListField.NAME)) {
                    throw DomainException.invalid("keygroup.file.noNameColumn");
                }
                return columns;
            }
        }
        return null;
    }

    private static Read rows(Iterator<Row> it, Map<ListField, Integer> header) {
        List<NewKeyGroupRow> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<ListRowProblem> problems = new ArrayList<>();
        while (it.hasNext()) {
            Row row = it.next();
            Map<ListField, String> cells = new EnumMap<>(ListField.class);
            boolean blank = true;
            for (var column : header.entrySet()) {
                String text = cell(row, column.getValue(), column.getKey(), problems);
                cells.put(column.getKey(), text);
                blank &= text.isBlank();
            }
            if (blank) {
                continue;
            }
            if (rows.size() == ListLimits.MAX_ROWS) {
                throw DomainException.invalid("keygroup.rows.tooMany", String.valueOf(ListLimits.MAX_ROWS));
            }
            rows.add(new NewKeyGroupRow(cells.get(ListField.NAME), cells.get(ListField.ID_NUMBER),
                    cells.get(ListField.PHONE), cells.get(ListField.ADDRESS), cells.get(ListField.FROM),
                    cells.get(ListField.TO), cells.get(ListField.STATUS)));
            numbers.add(row.getRowNum());
        }
        return new Read(rows, numbers, problems);
    }

    private static String cell(Row row, int column, ListField field, List<ListRowProblem> problems) {
        Cell cell = column < row.getCellCount() ? row.getCell(column) : null;
        if (cell == null) {
            return "";
        }
        String issue = XlsxCells.issue(cell);
        if (issue != null) {
            problems.add(ListRowProblem.of(row.getRowNum(), field, issue, cell.getAddress().toString()));
            return "";
        }
        return XlsxCells.text(cell, field == ListField.FROM || field == ListField.TO);
    }

    private static void headers(ListField field, String... names) {
        for (String name : names) {
            BY_HEADER.put(key(name), field);
        }
    }

    /** Headers match whatever the spacing, width, case or "*"/"(必填)" marks. */
    private static String key(String header) {
        return InputText.compact(header).toLowerCase(Locale.ROOT).replace("(必填)", "").replace("(选填)", "")
                .replace("*", "").replace(":", "").replace(".", "");
    }
}
