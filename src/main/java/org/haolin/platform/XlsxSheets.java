package org.haolin.platform;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads the first visible sheet of an uploaded workbook that has the header a reader looks for: the package is
 * checked first ({@link XlsxPackage}), a damaged file is refused as such, and a workbook without the header is
 * refused with the caller's message key.
 */
public final class XlsxSheets {

    private XlsxSheets() {
    }

    /**
     * @param read finds the header among the first rows and reads the rest, or answers null when this sheet has
     *             no such header
     */
    public static <T> T readFirstWithHeader(Path file, long maxBytes, long maxUnpackedBytes,
                                            Function<Iterator<Row>, T> read, String noHeaderKey) {
        XlsxPackage.check(file, maxBytes, maxUnpackedBytes);
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                if (sheet.getVisibility() != SheetVisibility.VISIBLE) {
                    continue;
                }
                try (Stream<Row> stream = sheet.openStream()) {
                    T found = read.apply(stream.iterator());
                    if (found != null) {
                        return found;
                    }
                }
            }
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw DomainException.invalid("import.file.damaged");
        }
        throw DomainException.invalid(noHeaderKey);
    }
}
