package org.haolin.platform;

import org.jooq.DSLContext;
import org.jooq.QueryPart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A statement built and rendered by jOOQ once, then run through JDBC with new values each time. Only for the
 * hottest writer (the scan batch): there, building and rendering each statement again for every batch cost the
 * JVM more than PostgreSQL spent running it. Its text must not depend on its values: each value is a named
 * parameter ({@code DSL.param(name, type)}), and many rows go as one array per column ({@link RowArrays}). A
 * parameter may appear more than once; every appearance gets the same value. Several statements made into one
 * go to PostgreSQL together, in one round trip, and run in order (a setting the first one makes holds for the
 * next ones); each one's rows go to a reader of their own.
 */
public final class FixedStatement {

    /** A named parameter as jOOQ renders it ({@code :name}), never a cast ({@code ::type}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):(\\w+)");

    /** Reads one row of a result into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Takes what it needs from one row of a result. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private final String sql;
    private final int statements;
    private final List<String> parameters = new ArrayList<>();

    /** The statements, each of which returns rows, sent and run together. */
    public FixedStatement(DSLContext db, QueryPart... statements) {
        this.statements = statements.length;
        Matcher named = PARAMETER.matcher(Stream.of(statements).map(db::renderNamedParams)
                .collect(Collectors.joining(";\n")));
        StringBuilder sql = new StringBuilder();
        while (named.find()) {
            if (Character.isDigit(named.group(1).charAt(0))) {
                throw new IllegalArgumentException("Every value of a fixed statement needs a name: " + named.group());
            }
            parameters.add(named.group(1));
            named.appendReplacement(sql, "?");
        }
        this.sql = named.appendTail(sql).toString();
    }

    /** Runs the query (or a change that returns rows) in the caller's transaction; answers its rows. */
    public <T> List<T> fetch(DSLContext db, Map<String, ?> values, Row<T> row) {
        List<T> read = new ArrayList<>();
        forEach(db, values, rows -> read.add(row.read(rows)));
        return read;
    }

    /**
     * Runs the queries (or changes that return rows) in the caller's transaction, handing each row of the first
     * one to the first reader, of the second one to the second, and so on.
     */
    public void forEach(DSLContext db, Map<String, ?> values, RowReader... readers) {
        if (readers.length != statements) {
            throw new IllegalArgumentException(statements + " statements, " + readers.length + " readers");
        }
        db.connection(c -> {
            try (PreparedStatement s = prepare(c, values)) {
                s.execute();
                for (RowReader reader : readers) {
                    try (ResultSet rows = s.getResultSet()) {
                        while (rows.next()) {
                            reader.read(rows);
                        }
                    }
                    s.getMoreResults();
                }
            }
        });
    }

    /** The SQL sent, with a {@code ?} for each appearance of a parameter (for tests and logs). */
    public String sql() {
        return sql;
    }

    private PreparedStatement prepare(Connection c, Map<String, ?> values) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                String name = parameters.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("No value for :" + name);
                }
                bind(c, s, i + 1, values.get(name));
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static void bind(Connection c, PreparedStatement s, int index, Object value) throws SQLException {
        if (value instanceof Object[] array) {
            s.setArray(index, c.createArrayOf(elementType(array), elements(array)));
        } else {
            s.setObject(index, value);
        }
    }

    /** PostgreSQL's name of an array's element type (the statement casts it to the column's type as well). */
    private static String elementType(Object[] array) {
        return switch (array) {
            case Long[] ignored -> "int8";
            case Integer[] ignored -> "int4";
            case Boolean[] ignored -> "bool";
            case String[] ignored -> "text";
            case LocalDate[] ignored -> "date";
            case OffsetDateTime[] ignored -> "timestamptz";
            default -> throw new IllegalArgumentException("No array binding for " + array.getClass().getSimpleName());
        };
    }

    /**
     * The driver sends numbers, truth values and text itself; days and instants go as their ISO text, which their
     * {@code toString()} writes (in a fraction of the time a formatter takes) and PostgreSQL reads.
     */
    private static Object[] elements(Object[] array) {
        if (!(array instanceof LocalDate[]) && !(array instanceof OffsetDateTime[])) {
            return array;
        }
        String[] text = new String[array.length];
        for (int i = 0; i < array.length; i++) {
            text[i] = array[i] == null ? null : array[i].toString();
        }
        return text;
    }
}
