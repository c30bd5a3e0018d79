package org.haolin.platform;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Many rows sent as one array per column, which PostgreSQL unnests ({@code INSERT … SELECT * FROM unnest(…)}, or
 * an update's {@code FROM}): the statement's text and its binds are the same whatever the number of rows, so
 * PostgreSQL can keep one plan for it, and its SQL is rendered alike for one row or a thousand. For the writers of
 * hot paths (the scan batch and its audit); elsewhere a plain multi-row insert reads better. Each array is a
 * parameter named after its table and column ({@code tube_people}), so a {@link FixedStatement} rendered from
 * the rows of one batch takes the {@link #values(RowArrays[]) values} of the next.
 */
public final class RowArrays<T> {

    private static final String ALIAS = "given";

    /** What the parameters' names start with: the table's name, or a name of their own. */
    private final String name;
    private final List<T> rows;
    private final List<TableField<?, ?>> columns = new ArrayList<>();
    /** Each column's array by its parameter's name, in the columns' order. */
    private final Map<String, Object> values = new LinkedHashMap<>();

    public RowArrays(List<T> rows) {
        this(null, rows);
    }

    /** Rows whose parameters are named {@code name_column}: for a statement with two sets of rows of one table. */
    public RowArrays(String name, List<T> rows) {
        this.name = name;
        this.rows = rows;
    }

    /** A column and each row's value of it. */
    public <V> RowArrays<T> column(TableField<?, V> column, Function<? super T, ? extends V> value) {
        @SuppressWarnings("unchecked")
        V[] array = (V[]) Array.newInstance(column.getType(), rows.size());
        for (int i = 0; i < array.length; i++) {
            array[i] = value.apply(rows.get(i));
        }
        columns.add(column);
        values.put(parameter(column), array);
        return this;
    }

    /** The values of several sets of rows sent in one statement; two arrays of one name would be a mistake. */
    public static Map<String, Object> values(RowArrays<?>... parts) {
        Map<String, Object> all = new HashMap<>();
        for (RowArrays<?> part : parts) {
            part.values.forEach((name, array) -> {
                if (all.putIfAbsent(name, array) != null) {
                    throw new IllegalArgumentException("Two arrays named " + name + " in one statement");
                }
            });
        }
        return all;
    }

    /** The columns, in the order given. */
    public List<TableField<?, ?>> columns() {
        return Collections.unmodifiableList(columns);
    }

    /** {@code INSERT INTO table (columns) SELECT * FROM unnest(arrays)}, to be finished by the caller. */
    public <R extends Record> InsertOnDuplicateStep<R> insertInto(DSLContext db, Table<R> table) {
        return db.insertInto(table, columns).select(DSL.select(DSL.asterisk()).from(table()));
    }

    /** The rows as a table named {@value #ALIAS}, its columns named as the table's (for an update's FROM). */
    public Table<?> table() {
        StringBuilder unnest = new StringBuilder("unnest(");
        String[] names = new String[columns.size()];
        Field<?>[] arrays = new Field<?>[columns.size()];
        for (int i = 0; i < names.length; i++) {
            unnest.append(i == 0 ? "{" : ", {").append(i).append('}');
            names[i] = columns.get(i).getName();
            arrays[i] = array(columns.get(i));
        }
        return DSL.table(unnest.append(')').toString(), (Object[]) arrays).as(ALIAS, names);
    }

    /** The column's array as a named parameter holding this batch's values (built only when rendered). */
    private <V> Field<V[]> array(TableField<?, V> column) {
        @SuppressWarnings("unchecked")
        V[] array = (V[]) values.get(parameter(column));
        return DSL.param(parameter(column), column.getDataType().getArrayDataType()).$value(array);
    }

    private String parameter(TableField<?, ?> column) {
        return (name != null ? name : column.getTable().getName()) + "_" + column.getName();
    }

    /** A column of {@link #table()}, typed as the table's column it was given as. */
    public static <V> Field<V> given(TableField<?, V> column) {
        return DSL.field(DSL.name(ALIAS, column.getName()), column.getDataType());
    }
}
