package org.haolin.platform;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows for PostgreSQL's COPY in its binary format, the fastest way to insert tens of thousands of rows
 * (no text to parse on the server side). The statement names only generated table and column identifiers;
 * every value travels as COPY data, never as SQL. It runs on the transaction's own connection, so it
 * commits or rolls back with it. Values: Long (bigint), Integer, String (text), LocalDate (date), byte[] (bytea),
 * OffsetDateTime (timestamptz). The one COPY writer of Haolin: imports and the bulk generator both use it.
 */
public final class CopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final LocalDate POSTGRES_EPOCH = LocalDate.of(2000, 1, 1);
    private static final OffsetDateTime POSTGRES_EPOCH_TIME = POSTGRES_EPOCH.atStartOfDay().atOffset(ZoneOffset.UTC);
    private static final int CHUNK = 1 << 20;

    private final String statement;
    private final int width;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    private final DataOutputStream data = new DataOutputStream(bytes);
    private int rows;

    public CopyRows(Table<?> table, List<Field<?>> fields) {
        this.statement = "COPY " + table.getName() + " ("
                + fields.stream().map(Field::getName).collect(Collectors.joining(", ")) + ") FROM STDIN (FORMAT binary)";
        this.width = fields.size();
        start();
    }

    public CopyRows row(Object... values) {
        if (values.length != width) {
            throw new IllegalArgumentException("expected " + width + " values, got " + values.length);
        }
        try {
            data.writeShort(width);
            for (Object value : values) {
                write(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
        return this;
    }

    public int size() {
        return rows;
    }

    /**
     * One COPY fed chunk by chunk: PostgreSQL takes in each chunk while the caller prepares the next, so the
     * two overlap. Used inside the caller's transaction, whose connection it keeps until {@link Stream#end}.
     */
    public Stream stream(DSLContext db) {
        CopyIn copy = db.connectionResult(c -> c.unwrap(PGConnection.class).getCopyAPI().copyIn(statement));
        return new Stream(copy);
    }

    public final class Stream {

        private final CopyIn copy;

        private Stream(CopyIn copy) {
            this.copy = copy;
        }

        /** Adds a row and sends what has been collected once it reaches about a megabyte. */
        public Stream row(Object... values) {
            CopyRows.this.row(values);
            if (bytes.size() >= CHUNK) {
                send();
            }
            return this;
        }

        /** Sends the rows collected so far. */
        public void send() {
            byte[] payload = bytes.toByteArray();
            bytes.reset();
            rows = 0;
            try {
                copy.writeToCopy(payload, 0, payload.length);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("COPY failed", e);
            }
        }

        /** Sends the rest and ends the COPY; returns how many rows PostgreSQL took. */
        public long end() {
            try {
                data.writeShort(-1);
                send();
                start();
                return copy.endCopy();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("COPY failed", e);
            }
        }
    }

    /** Sends the rows collected so far and starts afresh; returns how many were copied. */
    public long copyInto(DSLContext db) {
        if (rows == 0) {
            return 0;
        }
        try {
            data.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = bytes.toByteArray();
        bytes.reset();
        rows = 0;
        start();
        return db.connectionResult(c -> c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn(statement, new ByteArrayInputStream(payload)));
    }

    private void start() {
        try {
            data.write(SIGNATURE);
            data.writeInt(0);
            data.writeInt(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Object value) throws IOException {
        switch (value) {
            case null -> data.writeInt(-1);
            case Long number -> {
                data.writeInt(8);
                data.writeLong(number);
            }
            case Integer number -> {
                data.writeInt(4);
                data.writeInt(number);
            }
            case String text -> {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                data.writeInt(utf8.length);
                data.write(utf8);
            }
            case LocalDate date -> {
                data.writeInt(4);
                data.writeInt((int) (date.toEpochDay() - POSTGRES_EPOCH.toEpochDay()));
            }
            case OffsetDateTime time -> {
                data.writeInt(8);
                data.writeLong(ChronoUnit.MICROS.between(POSTGRES_EPOCH_TIME, time));
            }
            case byte[] raw -> {
                data.writeInt(raw.length);
                data.write(raw);
            }
            default -> throw new IllegalArgumentException("no binary COPY form for " + value.getClass());
        }
    }
}
