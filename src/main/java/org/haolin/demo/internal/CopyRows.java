package org.haolin.demo.internal;

import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * Rows streamed into one PostgreSQL COPY ... FROM STDIN (FORMAT csv): text quoted, bytea as \x hex,
 * null as an unquoted empty field. Sent in blocks of about 1 MB so PostgreSQL works while we write.
 */
final class CopyRows {

    private static final HexFormat HEX = HexFormat.of();
    private static final int BLOCK = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder row = new StringBuilder(BLOCK + 4096);
    private boolean first = true;

    CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    CopyRows add(long value) {
        separate().append(value);
        return this;
    }

    CopyRows add(Long value) {
        return value == null ? addNull() : add(value.longValue());
    }

    CopyRows add(String value) {
        if (value == null) {
            return addNull();
        }
        separate().append('"').append(value.replace("\"", "\"\"")).append('"');
        return this;
    }

    CopyRows add(byte[] value) {
        if (value == null) {
            return addNull();
        }
        separate().append("\\x").append(HEX.formatHex(value));
        return this;
    }

    CopyRows add(LocalDate value) {
        return value == null ? addNull() : add(value.toString());
    }

    CopyRows add(OffsetDateTime value) {
        return value == null ? addNull() : add(value.toString());
    }

    CopyRows addNull() {
        separate();
        return this;
    }

    void endRow() throws SQLException {
        row.append('\n');
        first = true;
        if (row.length() >= BLOCK) {
            send();
        }
    }

    /** Sends what is left and ends the COPY; returns the rows PostgreSQL took. */
    long finish() throws SQLException {
        send();
        return copy.endCopy();
    }

    private StringBuilder separate() {
        if (!first) {
            row.append(',');
        }
        first = false;
        return row;
    }

    private void send() throws SQLException {
        if (!row.isEmpty()) {
            byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            row.setLength(0);
        }
    }
}
