package org.haolin.platform;

import org.dhatim.fastexcel.reader.CellRangeAddress;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The .xlsx file as a package: is it one at all (rather than a renamed .xls or .csv, an empty file, some
 * other zip or random bytes), which part holds a sheet, and which cells of a sheet are merged. The
 * streaming reader answers none of these, so they are read here from the zip directly. Shared by every
 * module that takes workbooks in (roster imports, key-group lists).
 */
public final class XlsxPackage {

    private static final byte[] MERGE_CELL = "mergeCell".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern REF = Pattern.compile("\\bref\\s*=\\s*[\"']([A-Za-z]+\\d+(?::[A-Za-z]+\\d+)?)[\"']");
    private static final int CHUNK = 1 << 20;
    private static final int OVERLAP = 512;

    private XlsxPackage() {
    }

    /**
     * Refuses, with a message a worker understands, what is not an .xlsx workbook within the limits: at most
     * maxBytes on disk and maxUnpackedBytes unpacked (a small file that inflates hugely is refused too).
     */
    public static void check(Path file, long maxBytes, long maxUnpackedBytes) {
        String megabytes = String.valueOf(maxBytes / (1024 * 1024));
        long size = size(file);
        if (size == 0) {
            throw DomainException.invalid("import.file.empty");
        }
        if (size > maxBytes) {
            throw DomainException.invalid("import.file.tooLarge", megabytes);
        }
        byte[] head = head(file);
        if (ReadableWorkbook.isOLE2Header(head)) {
            throw DomainException.invalid("import.file.oldExcel");
        }
        if (!ReadableWorkbook.isOOXMLZipHeader(head)) {
            throw DomainException.invalid("import.file.notXlsx");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("xl/workbook.xml") == null || zip.getEntry("[Content_Types].xml") == null) {
                throw DomainException.invalid("import.file.zipNotXlsx");
            }
            if (unpackedSize(zip) > maxUnpackedBytes) {
                throw DomainException.invalid("import.file.tooLarge", megabytes);
            }
        } catch (ZipException e) {
            throw DomainException.invalid("import.file.damaged");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part that holds the sheet with this relationship id, e.g. "xl/worksheets/sheet1.xml". */
    public static Optional<String> sheetPart(Path file, String relationshipId) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
            if (rels == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(rels)) {
                return target(in, relationshipId).map(XlsxPackage::partName);
            }
        } catch (IOException | XMLStreamException e) {
            throw DomainException.invalid("import.file.damaged");
        }
    }

    /**
     * The merged ranges of a sheet part. They stand after the cell data, so the whole part is scanned as
     * bytes (not parsed as XML), which costs little next to reading the cells.
     */
    public static List<CellRangeAddress> mergedRanges(Path file, String part) {
        List<CellRangeAddress> ranges = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(part);
            if (entry == null) {
                return ranges;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                scan(in, ranges);
            }
        } catch (IOException e) {
            throw DomainException.invalid("import.file.damaged");
        }
        return ranges;
    }

    private static void scan(InputStream in, List<CellRangeAddress> ranges) throws IOException {
        byte[] buffer = new byte[CHUNK + OVERLAP];
        int kept = 0;
        while (true) {
            int read = in.readNBytes(buffer, kept, CHUNK);
            int length = kept + read;
            boolean last = read < CHUNK;
            int searchEnd = last ? length : length - OVERLAP;
            for (int at = indexOf(buffer, 0, searchEnd, length); at >= 0; at = indexOf(buffer, at + 1, searchEnd, length)) {
                rangeAt(buffer, at, length).ifPresent(ranges::add);
            }
            if (last) {
                return;
            }
            System.arraycopy(buffer, searchEnd, buffer, 0, OVERLAP);
            kept = OVERLAP;
        }
    }

    /** A "mergeCell" element (not "mergeCells") starting before searchEnd. */
    private static int indexOf(byte[] buffer, int from, int searchEnd, int length) {
        outer:
        for (int i = from; i < searchEnd && i + MERGE_CELL.length < length; i++) {
            for (int k = 0; k < MERGE_CELL.length; k++) {
                if (buffer[i + k] != MERGE_CELL[k]) {
                    continue outer;
                }
            }
            byte after = buffer[i + MERGE_CELL.length];
            byte before = i > 0 ? buffer[i - 1] : 0;
            if ((before == '<' || before == ':') && (after == ' ' || after == '\t' || after == '\n' || after == '\r')) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<CellRangeAddress> rangeAt(byte[] buffer, int at, int length) {
        String tag = new String(buffer, at, Math.min(OVERLAP - 16, length - at), StandardCharsets.US_ASCII);
        int end = tag.indexOf('>');
        Matcher m = REF.matcher(end < 0 ? tag : tag.substring(0, end));
        if (!m.find() || !m.group(1).contains(":")) {
            return Optional.empty();
        }
        return Optional.of(CellRangeAddress.valueOf(m.group(1).toUpperCase()));
    }

    private static Optional<String> target(InputStream rels, String relationshipId) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = factory.createXMLStreamReader(rels);
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT && "Relationship".equals(xml.getLocalName())
                        && relationshipId.equals(xml.getAttributeValue(null, "Id"))) {
                    return Optional.ofNullable(xml.getAttributeValue(null, "Target"));
                }
            }
            return Optional.empty();
        } finally {
            xml.close();
        }
    }

    /** Targets are relative to xl/ unless they start with a slash. */
    private static String partName(String target) {
        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
    }

    private static long unpackedSize(ZipFile zip) {
        long total = 0;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            total += Math.max(0, e.nextElement().getSize());
        }
        return total;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return head.length == 8 ? head : java.util.Arrays.copyOf(head, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
