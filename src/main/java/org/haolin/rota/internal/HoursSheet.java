package org.haolin.rota.internal;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.haolin.rota.HoursReport;
import org.haolin.rota.PersonHours;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.Locale;

/** The hours table as an .xlsx: a title row, then one row per person with their hours per month and in total. */
@Component
public class HoursSheet {

    private final MessageSource messages;

    HoursSheet(MessageSource messages) {
        this.messages = messages;
    }

    public void write(HoursReport report, Locale locale, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "Haolin", "1.0");
            Worksheet sheet = workbook.newWorksheet(text("hours.sheet", locale));
            sheet.value(0, 0, messages.getMessage("hours.title.of", new Object[] {report.area().name()}, locale));
            sheet.value(1, 0, text("hours.name", locale));
            sheet.value(1, 1, text("hours.area", locale));
            sheet.value(1, 2, text("hours.volunteer", locale));
            for (int m = 0; m < report.months().size(); m++) {
                sheet.value(1, 3 + m, report.months().get(m).toString());
            }
            sheet.value(1, 3 + report.months().size(), text("hours.total", locale));
            for (int i = 0; i < report.people().size(); i++) {
                row(sheet, i + 2, report, report.people().get(i), locale);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(Worksheet sheet, int r, HoursReport report, PersonHours person, Locale locale) {
        sheet.value(r, 0, person.name());
        sheet.value(r, 1, person.areaName());
        sheet.value(r, 2, person.volunteer() ? text("hours.yes", locale) : "");
        for (int m = 0; m < report.months().size(); m++) {
            YearMonth month = report.months().get(m);
            sheet.value(r, 3 + m, person.in(month));
        }
        sheet.value(r, 3 + report.months().size(), person.total());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
