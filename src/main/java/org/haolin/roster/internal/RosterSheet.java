package org.haolin.roster.internal;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellAddress;
import org.dhatim.fastexcel.reader.CellRangeAddress;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;
import org.haolin.platform.DomainException;
import org.haolin.platform.XlsxCells;
import org.haolin.platform.XlsxPackage;
import org.haolin.resident.ResidentField;
import org.haolin.resident.RowProblem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * The roster sheet of a workbook, read as a stream: the first sheet whose first rows hold a header row
 * (a title may stand above it), then every non-blank row below as text. Cells are read as a person sees
 * them: a formula by its last calculated value, a date as a date, a whole number without ".0", a merged
 * range as its top-left value in every row it covers.
 */
public final class RosterSheet {

    /** The header row: its row number (from 1), its texts and which column holds which field. */
    public record Header(int rowNumber, List<String> texts, Map<ResidentField, Integer> columns) {
    }

    /** One data row: its row number in the sheet (from 1), its cells as text, and cells that could not be read. */
    public record SheetRow(int number, String[] cells, List<RowProblem> issues) {
    }

    private static final int MIN_HEADER_MATCHES = 3;
    private static final int PROGRESS_EVERY = 2_000;

    private final Header header;
    private final List<SheetRow> rows;

    private RosterSheet(Header header, List<SheetRow> rows) {
        this.header = header;
        this.rows = rows;
    }

    public Header header() {
        return header;
    }

    public List<SheetRow> rows() {
        return rows;
    }

    /** Reads a file that passed {@link XlsxPackage#check}; refuses a sheet without the columns it needs. */
    public static RosterSheet read(Path file, IntConsumer rowsRead) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            Candidate best = null;
            for (Sheet sheet : workbook.getSheets().toList()) {
                if (sheet.getVisibility() != SheetVisibility.VISIBLE) {
                    continue;
                }
                try (Stream<Row> stream = sheet.openStream()) {
                    Iterator<Row> it = stream.iterator();
                    Candidate found = findHeader(it);
                    if (found != null && found.matches >= MIN_HEADER_MATCHES) {
                        Header header = found.header();
                        // The merged ranges stand at the end of the sheet: another core scans for them meanwhile.
                        CompletableFuture<List<CellRangeAddress>> merged = CompletableFuture.supplyAsync(() ->
                                XlsxPackage.sheetPart(file, sheet.getId())
                                        .map(part -> XlsxPackage.mergedRanges(file, part)).orElse(List.of()));
                        List<SheetRow> rows = dataRows(it, header, rowsRead);
                        fillMerged(merged.join(), header, rows);
                        return new RosterSheet(header, rows);
                    }
                    best = found != null && (best == null || found.matches > best.matches) ? found : best;
                }
            }
            throw best == null || best.matches == 0 ? DomainException.invalid("import.file.noHeader")
                    : DomainException.invalid("import.file.missingColumns", best.missingRequired());
        } catch (DomainException e) {
            throw e;
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof DomainException d ? d : DomainException.invalid("import.file.damaged");
        } catch (IOException | RuntimeException e) {
            throw DomainException.invalid("import.file.damaged");
        }
    }

    /** A row that might be the header, and how many known fields it names. */
    private record Candidate(Header header, int matches) {
        String missingRequired() {
            return RosterColumns.REQUIRED.stream().filter(f -> !header.columns().containsKey(f))
                    .map(f -> RosterColumns.header(f, java.util.Locale.SIMPLIFIED_CHINESE) + " (" + RosterColumns
                            .header(f, java.util.Locale.ENGLISH) + ")")
                    .reduce((a, b) -> a + ", " + b).orElse("");
        }
    }

    private static Candidate findHeader(Iterator<Row> it) {
        Candidate best = null;
        for (int seen = 0; seen < ImportLimits.HEADER_SEARCH_ROWS && it.hasNext(); seen++) {
            Candidate candidate = candidate(it.next());
            if (candidate.matches >= MIN_HEADER_MATCHES) {
                if (!candidate.header.columns().keySet().containsAll(RosterColumns.REQUIRED)) {
                    throw DomainException.invalid("import.file.missingColumns", candidate.missingRequired());
                }
                return candidate;
            }
            best = best == null || candidate.matches > best.matches ? candidate : best;
        }
        return best;
    }

    private static Candidate candidate(Row row) {
        int width = Math.min(row.getCellCount(), ImportLimits.MAX_COLUMNS);
        List<String> texts = new ArrayList<>(width);
        Map<ResidentField, Integer> columns = new EnumMap<>(ResidentField.class);
        for (int c = 0; c < width; c++) {
            String text = row.getCellText(c);
            texts.add(text == null ? "" : text.strip());
            ResidentField field = RosterColumns.field(text);
            if (field != null && columns.putIfAbsent(field, c) != null) {
                throw DomainException.invalid("import.file.duplicateColumn", texts.get(columns.get(field)), text.strip());
            }
        }
        while (!texts.isEmpty() && texts.getLast().isEmpty()) {
            texts.removeLast();
        }
        return new Candidate(new Header(row.getRowNum(), List.copyOf(texts), columns), columns.size());
    }

    private static List<SheetRow> dataRows(Iterator<Row> it, Header header, IntConsumer rowsRead) {
        ResidentField[] fieldOf = new ResidentField[header.texts().size()];
        header.columns().forEach((field, column) -> fieldOf[column] = field);
        List<SheetRow> rows = new ArrayList<>();
        while (it.hasNext()) {
            SheetRow row = dataRow(it.next(), fieldOf);
            if (row == null) {
                continue;
            }
            rows.add(row);
            if (rows.size() > ImportLimits.MAX_ROWS) {
                throw DomainException.invalid("import.file.tooManyRows", String.valueOf(ImportLimits.MAX_ROWS));
            }
            if (rows.size() % PROGRESS_EVERY == 0) {
                rowsRead.accept(rows.size());
            }
        }
        rowsRead.accept(rows.size());
        return rows;
    }

    /** The row's cells as text, or null for a blank row. */
    private static SheetRow dataRow(Row row, ResidentField[] fieldOf) {
        String[] cells = new String[fieldOf.length];
        List<RowProblem> issues = List.of();
        boolean blank = true;
        int present = Math.min(row.getCellCount(), fieldOf.length);
        for (int c = 0; c < present; c++) {
            Cell cell = row.getCell(c);
            if (cell == null) {
                cells[c] = "";
                continue;
            }
            String issue = XlsxCells.issue(cell);
            if (issue != null) {
                if (fieldOf[c] != null) {
                    issues = issues.isEmpty() ? new ArrayList<>() : issues;
                    issues.add(RowProblem.of(fieldOf[c], issue, cell.getAddress().toString()));
                }
                cells[c] = cell.getRawValue() == null ? "" : cell.getRawValue();
            } else {
                cells[c] = XlsxCells.text(cell, fieldOf[c] == ResidentField.BIRTH_DATE);
            }
            blank &= cells[c].isBlank();
        }
        for (int c = present; c < cells.length; c++) {
            cells[c] = "";
        }
        return blank ? null : new SheetRow(row.getRowNum(), cells, issues);
    }

    /**
     * Merged ranges below the header are read as their top-left value in every cell they cover (a compound
     * or building merged down a block of rows is the usual case); ranges above it are titles and ignored;
     * a range that takes in the header row is refused, naming its cells.
     */
    private static void fillMerged(List<CellRangeAddress> ranges, Header header, List<SheetRow> rows) {
        if (ranges.isEmpty()) {
            return;
        }
        Map<Integer, SheetRow> byNumber = new HashMap<>();
        rows.forEach(r -> byNumber.put(r.number(), r));
        for (CellRangeAddress range : ranges) {
            int first = range.getFirstRow() + 1;
            int last = range.getLastRow() + 1;
            if (last < header.rowNumber()) {
                continue;
            }
            if (first <= header.rowNumber()) {
                throw DomainException.invalid("import.file.mergedHeader", name(range));
            }
            SheetRow top = byNumber.get(first);
            int firstColumn = range.getFirstColumn();
            int lastColumn = Math.min(range.getLastColumn(), header.texts().size() - 1);
            String value = top == null || firstColumn > lastColumn ? "" : top.cells()[firstColumn];
            for (int r = first; r <= last; r++) {
                SheetRow row = byNumber.get(r);
                for (int c = firstColumn; row != null && c <= lastColumn; c++) {
                    if (r != first || c != firstColumn) {
                        row.cells()[c] = value;
                    }
                }
            }
        }
    }

    private static String name(CellRangeAddress range) {
        return new CellAddress(range.getFirstRow(), range.getFirstColumn()) + ":"
                + new CellAddress(range.getLastRow(), range.getLastColumn());
    }
}
