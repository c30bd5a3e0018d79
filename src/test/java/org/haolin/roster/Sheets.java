package org.haolin.roster;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real .xlsx files for tests, written with the same library Excel-compatible exports use, and read back. */
public final class Sheets {

    static final List<String> ZH = List.of("姓名", "性别", "身份证号", "手机号", "小区", "楼号", "单元", "室号", "标签", "居住状态", "备注");

    private Sheets() {
    }

    public static byte[] xlsx(List<String> header, List<List<String>> rows) {
        return xlsx(sheet -> {
            write(sheet, 0, header);
            for (int r = 0; r < rows.size(); r++) {
                write(sheet, r + 1, rows.get(r));
            }
        });
    }

    static byte[] xlsx(Consumer<Worksheet> content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Test", "1.0");
            content.accept(workbook.newWorksheet("名单"));
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void write(Worksheet sheet, int row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (cells.get(c) != null && !cells.get(c).isEmpty()) {
                sheet.value(row, c, cells.get(c));
            }
        }
    }

    /** A row under the Chinese header {@link #ZH}. */
    static List<String> zh(String name, String id, String phone, String compound, String building, String stairwell,
                           String room, String tags) {
        return java.util.Arrays.asList(name, "", id, phone, compound, building, stairwell, room, tags, "", "");
    }

    /** Rewrites one part of an xlsx (to add what Excel writes but the test's writer does not, like cached values). */
    static byte[] rewrite(byte[] xlsx, String part, java.util.function.UnaryOperator<String> change) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("rewrite-", ".xlsx");
            java.nio.file.Files.write(file, xlsx);
            try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile());
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    byte[] bytes = in.getInputStream(e).readAllBytes();
                    if (e.getName().equals(part)) {
                        bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    }
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    zip.write(bytes);
                    zip.closeEntry();
                }
            } finally {
                java.nio.file.Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Every row of the first sheet as text. */
    public static List<List<String>> read(byte[] xlsx) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(row.getCellText(c));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
