package org.haolin.platform;

import org.haolin.HaolinTest;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static haolin.schema.Tables.TUBE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;

/** Statements rendered once and run with new values: every value by name, arrays of each type, nulls in them. */
@HaolinTest
class FixedStatementTests {

    @Autowired
    DSLContext db;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aParameterNamedTwiceIsBoundTwiceAndTheTextNeverChanges() {
        FixedStatement statement = new FixedStatement(db, select(field("{0} + {1} * {0}", SQLDataType.BIGINT,
                param("n", SQLDataType.BIGINT), param("m", SQLDataType.BIGINT))));
        assertThat(statement.sql()).doesNotContain(":n").contains("?");
        assertThat(statement.fetch(db, Map.of("n", 2L, "m", 10L), r -> r.getLong(1))).containsExactly(22L);
        assertThat(statement.fetch(db, Map.of("n", 1L, "m", 0L), r -> r.getLong(1))).containsExactly(1L);
        assertThatThrownBy(() -> statement.fetch(db, Map.of("n", 1L), r -> r.getLong(1)))
                .hasMessageContaining(":m");
    }

    @Test
    void arraysOfEachTypeComeBackAsSentNullsIncluded() {
        OffsetDateTime nine = OffsetDateTime.of(2026, 4, 28, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        FixedStatement statement = new FixedStatement(db, DSL.select(DSL.asterisk()).from(DSL.table(
                "unnest({0}, {1}, {2}, {3}, {4}, {5})",
                param("ids", SQLDataType.BIGINT.getArrayDataType()), param("counts", SQLDataType.INTEGER.getArrayDataType()),
                param("flags", SQLDataType.BOOLEAN.getArrayDataType()), param("names", SQLDataType.CLOB.getArrayDataType()),
                param("days", SQLDataType.LOCALDATE.getArrayDataType()),
                param("ats", SQLDataType.OFFSETDATETIME.getArrayDataType()))));
        List<String> rows = transactions.execute(tx -> statement.fetch(db, Map.of(
                "ids", new Long[]{1L, null},
                "counts", new Integer[]{7, null},
                "flags", new Boolean[]{true, null},
                "names", new String[]{"张三, \"甲\"", null},
                "days", new LocalDate[]{LocalDate.of(2026, 4, 28), null},
                "ats", new OffsetDateTime[]{nine.plusNanos(123_000), null}), r -> r.getObject(1) + "|" + r.getObject(2)
                + "|" + r.getObject(3) + "|" + r.getString(4) + "|" + r.getObject(5, LocalDate.class) + "|"
                + r.getObject(6, OffsetDateTime.class)));
        assertThat(rows).containsExactly("1|7|true|张三, \"甲\"|2026-04-28|2026-04-28T01:00:00.000123Z",
                "null|null|null|null|null|null");
    }

    @Test
    void twoSetsOfRowsOfOneTableInOneStatementMustBeNamedApart() {
        var people = new RowArrays<>(List.of(1)).column(TUBE.PEOPLE, n -> n);
        assertThat(RowArrays.values(people, new RowArrays<>(List.of(2)).column(TUBE.CODE, n -> "T" + n)))
                .containsOnlyKeys("tube_people", "tube_code");
        assertThatThrownBy(() -> RowArrays.values(people, new RowArrays<>(List.of(2)).column(TUBE.PEOPLE, n -> n)))
                .hasMessageContaining("tube_people");
    }

    @Test
    void statementsSentTogetherRunInOrderEachRowsToItsOwnReader() {
        // the first sets a value for the transaction that the second reads; the third shares the second's :n
        FixedStatement together = new FixedStatement(db,
                select(field("set_config('haolin.probe', {0}, true)", SQLDataType.CLOB,
                        param("probe", SQLDataType.CLOB))),
                select(field("current_setting('haolin.probe') || {0}", SQLDataType.CLOB, param("n", SQLDataType.CLOB))),
                DSL.select(DSL.asterisk()).from(DSL.table("unnest({0}) as t(x)",
                        param("xs", SQLDataType.BIGINT.getArrayDataType())))
                        .where(field("x", Long.class).gt(DSL.inline(0L))));
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        List<Long> third = new ArrayList<>();
        transactions.executeWithoutResult(tx -> together.forEach(db, Map.of("probe", "甲", "n", "-1",
                        "xs", new Long[]{3L, -4L, 5L}),
                r -> first.add(r.getString(1)), r -> second.add(r.getString(1)), r -> third.add(r.getLong(1))));
        assertThat(first).containsExactly("甲");
        assertThat(second).containsExactly("甲-1");
        assertThat(third).containsExactly(3L, 5L);
        assertThatThrownBy(() -> together.forEach(db, Map.of("probe", "", "n", "", "xs", new Long[0]), r -> { }))
                .hasMessageContaining("3 statements");
    }

    @Test
    void aValueWithoutANameIsRefusedWhenTheStatementIsMade() {
        assertThatThrownBy(() -> new FixedStatement(db, select(DSL.val(1L))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }
}
