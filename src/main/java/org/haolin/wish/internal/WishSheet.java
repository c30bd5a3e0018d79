package org.haolin.wish.internal;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.haolin.wish.Wish;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The town wish list as an .xlsx: what, where (stairwell, no room), state, route and dates. No resident name,
 * room, ID or phone: the file leaves the system.
 */
@Component
public class WishSheet {

    private static final List<String> HEADERS = List.of("wish.number", "wish.category", "wish.description",
            "wish.compound", "wish.stairwell", "wish.origin", "wish.state", "wish.route", "wish.neededBy",
            "wish.overdue", "wish.createdAt", "wish.fulfilledAt");

    private final MessageSource messages;

    WishSheet(MessageSource messages) {
        this.messages = messages;
    }

    public void write(List<Wish> wishes, LocalDate today, ZoneId zone, Locale locale, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "Haolin", "1.0");
            Worksheet sheet = workbook.newWorksheet(text("wish.list.title", locale));
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.value(0, c, text(HEADERS.get(c), locale));
            }
            for (int i = 0; i < wishes.size(); i++) {
                row(sheet, i + 1, wishes.get(i), today, zone, locale);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(Worksheet sheet, int r, Wish w, LocalDate today, ZoneId zone, Locale locale) {
        sheet.value(r, 0, w.id());
        sheet.value(r, 1, text("wish.category." + w.category(), locale));
        sheet.value(r, 2, w.description());
        sheet.value(r, 3, w.compoundName());
        sheet.value(r, 4, w.areaLabel());
        sheet.value(r, 5, text("wish.origin." + w.origin(), locale));
        sheet.value(r, 6, text("wish.state." + w.state(), locale));
        sheet.value(r, 7, w.route() == null ? "" : text("wish.route." + w.route(), locale));
        sheet.value(r, 8, w.neededBy() == null ? "" : w.neededBy().toString());
        sheet.value(r, 9, w.overdue(today) ? text("wish.overdue", locale) : "");
        sheet.value(r, 10, w.createdAt().atZoneSameInstant(zone).toLocalDateTime().withNano(0).toString());
        sheet.value(r, 11, w.fulfilledAt() == null ? ""
                : w.fulfilledAt().atZoneSameInstant(zone).toLocalDateTime().withNano(0).toString());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
