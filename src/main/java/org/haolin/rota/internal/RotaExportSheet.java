package org.haolin.rota.internal;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.PLAN_POST;
import static haolin.schema.Tables.ROTA_SHIFT;
import static haolin.schema.Tables.WORKFORCE_PERSON;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;

/** Reads a rota's shifts into rows (post slots, then staff seats) and writes them as one sheet, days across. */
@Component
public class RotaExportSheet {

    /** The rota's title: the area it covers, its name and period. */
    public record Period(String areaName, String rotaName, LocalDate firstDay, int days) {
    }

    /** One row: a post's slot (post set) or a staff seat (seatName set); cells by day. */
    public record Line(String place, String post, int slot, String seatName, Map<LocalDate, Cell> cells) {
    }

    /** Who holds a shift (null: uncovered), and whether as a substitute. */
    public record Cell(String name, boolean substitute) {
    }

    private static final haolin.schema.tables.WorkforcePerson SEAT = WORKFORCE_PERSON.as("seat");
    private static final haolin.schema.tables.WorkforcePerson HOLDER = WORKFORCE_PERSON.as("holder");
    private static final haolin.schema.tables.Area PLACE = AREA.as("place");

    private final DSLContext db;
    private final MessageSource messages;

    RotaExportSheet(DSLContext db, MessageSource messages) {
        this.db = db;
        this.messages = messages;
    }

    public List<Line> lines(long rotaId) {
        Map<String, Line> lines = new LinkedHashMap<>();
        db.select(ROTA_SHIFT.KIND, ROTA_SHIFT.POST_ID, ROTA_SHIFT.SLOT, ROTA_SHIFT.SEAT_PERSON_ID, ROTA_SHIFT.DAY,
                        ROTA_SHIFT.SUBSTITUTE, PLAN_POST.NAME, PLACE.NAME, SEAT.NAME, HOLDER.NAME)
                .from(ROTA_SHIFT)
                .leftJoin(PLAN_POST).on(PLAN_POST.ID.eq(ROTA_SHIFT.POST_ID))
                .join(PLACE).on(PLACE.ID.eq(coalesce(PLAN_POST.AREA_ID, ROTA_SHIFT.AREA_ID)))
                .leftJoin(SEAT).on(SEAT.ID.eq(ROTA_SHIFT.SEAT_PERSON_ID))
                .leftJoin(HOLDER).on(HOLDER.ID.eq(ROTA_SHIFT.PERSON_ID))
                .where(ROTA_SHIFT.ROTA_ID.eq(rotaId))
                // posts before seats, posts by compound and order in the plan, seats by the worker's name
                .orderBy(ROTA_SHIFT.KIND, PLACE.PATH, PLAN_POST.SORT_KEY, PLAN_POST.NAME, ROTA_SHIFT.SLOT,
                        coalesce(SEAT.NAME, inline("")), ROTA_SHIFT.SEAT_PERSON_ID, ROTA_SHIFT.DAY)
                .forEach(r -> lineOf(lines, r).cells().put(r.get(ROTA_SHIFT.DAY),
                        new Cell(r.get(HOLDER.NAME), r.get(ROTA_SHIFT.SUBSTITUTE))));
        return List.copyOf(lines.values());
    }

    private static Line lineOf(Map<String, Line> lines, Record r) {
        boolean post = "POST".equals(r.get(ROTA_SHIFT.KIND));
        String key = post ? "P" + r.get(ROTA_SHIFT.POST_ID) + "/" + r.get(ROTA_SHIFT.SLOT) : "S" + r.get(ROTA_SHIFT.SEAT_PERSON_ID);
        return lines.computeIfAbsent(key, k -> new Line(r.get(PLACE.NAME), post ? r.get(PLAN_POST.NAME) : null,
                r.get(ROTA_SHIFT.SLOT), post ? null : r.get(SEAT.NAME), new HashMap<>()));
    }

    public void write(Period period, List<Line> lines, Locale locale, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "Haolin", "1.0");
            Worksheet sheet = workbook.newWorksheet(text("shift.export.sheet", locale));
            LocalDate last = period.firstDay().plusDays(period.days() - 1L);
            sheet.value(0, 0, text("shift.export.title", locale, period.areaName(), period.rotaName(),
                    period.firstDay().toString(), last.toString()));
            sheet.value(1, 0, text("shift.export.place", locale));
            sheet.value(1, 1, text("shift.export.row", locale));
            for (int d = 0; d < period.days(); d++) {
                sheet.value(1, 2 + d, period.firstDay().plusDays(d).toString());
            }
            for (int i = 0; i < lines.size(); i++) {
                row(sheet, i + 2, period, lines.get(i), locale);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(Worksheet sheet, int r, Period period, Line line, Locale locale) {
        sheet.value(r, 0, line.place());
        sheet.value(r, 1, line.post() != null ? text("shift.export.postSlot", locale, line.post(), line.slot())
                : text("shift.export.seat", locale, line.seatName()));
        for (int d = 0; d < period.days(); d++) {
            Cell cell = line.cells().get(period.firstDay().plusDays(d));
            sheet.value(r, 2 + d, cell == null ? "" : cell.name() == null ? text("shift.export.uncovered", locale)
                    : cell.substitute() ? text("shift.export.substitute", locale, cell.name()) : cell.name());
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
