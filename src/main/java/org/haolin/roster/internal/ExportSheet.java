package org.haolin.roster.internal;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.resident.ListedResident;
import org.haolin.resident.ResidentField;
import org.haolin.resident.RosterEntry;
import org.springframework.context.MessageSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A roster export streamed into an .xlsx: one row per resident in roster order, with compound, building,
 * stairwell and room, masked ID number and phone, age rather than birth date (the birth date is what the
 * masked ID hides), current tags and residence status.
 */
public final class ExportSheet {

    private static final List<ResidentField> AREA_COLUMNS = List.of(ResidentField.COMPOUND, ResidentField.BUILDING,
            ResidentField.STAIRWELL, ResidentField.ROOM, ResidentField.NAME, ResidentField.SEX);
    private static final List<ResidentField> PERSON_COLUMNS = List.of(ResidentField.ID_TYPE, ResidentField.ID_NUMBER,
            ResidentField.PHONE, ResidentField.TAGS, ResidentField.STATUS, ResidentField.NOTES);

    private final Workbook workbook;
    private final Worksheet sheet;
    private final MessageSource messages;
    private final Locale locale;
    private final Map<Long, Area> areas = new HashMap<>();
    private int row = 1;

    public ExportSheet(OutputStream out, AreaTree tree, Area exported, MessageSource messages, Reasons reasons,
                       Locale locale) {
        this.messages = messages;
        this.locale = locale;
        tree.lineage(exported).forEach(a -> areas.put(a.id(), a));
        for (AreaLevel level : List.of(AreaLevel.COMPOUND, AreaLevel.BUILDING, AreaLevel.STAIRWELL)) {
            tree.descendants(exported, level).forEach(a -> areas.put(a.id(), a));
        }
        this.workbook = new Workbook(out, RosterWorkbooks.APP, RosterWorkbooks.VERSION);
        this.sheet = workbook.newWorksheet(exported.name().replaceAll("[\\\\/?*\\[\\]:]", " "));
        int c = 0;
        for (ResidentField field : AREA_COLUMNS) {
            sheet.value(0, c++, reasons.field(field, locale));
        }
        sheet.value(0, c++, messages.getMessage("export.age", null, locale));
        for (ResidentField field : PERSON_COLUMNS) {
            sheet.value(0, c++, reasons.field(field, locale));
        }
        for (int k = 0; k < c; k++) {
            sheet.style(0, k).bold().set();
        }
        sheet.width(7, 22);
        sheet.width(9, 30);
        sheet.freezePane(0, 1);
    }

    public void add(ListedResident listed) {
        RosterEntry e = listed.entry();
        Area stairwell = areas.get(listed.stairwellId());
        Area building = stairwell == null ? null : areas.get(stairwell.parentId());
        Area compound = building == null ? null : areas.get(building.parentId());
        int c = 0;
        text(c++, compound == null ? "" : compound.name());
        text(c++, building == null ? "" : building.name());
        text(c++, stairwell == null ? "" : stairwell.name());
        text(c++, e.room());
        text(c++, e.name());
        text(c++, e.sex() == null ? "" : messages.getMessage("sex." + e.sex(), null, locale));
        if (e.age() != null) {
            sheet.value(row, c, e.age());
        }
        c++;
        text(c++, messages.getMessage("idType." + e.idType(), null, locale));
        text(c++, e.idNumberMasked());
        text(c++, e.phoneMasked());
        text(c++, e.tags().stream().map(t -> t.name(locale)).collect(Collectors.joining("zh".equals(locale.getLanguage()) ? "、" : ", ")));
        text(c++, messages.getMessage("status." + e.status(), null, locale));
        text(c, e.notes());
        if (row++ % 2_000 == 0) {
            flush();
        }
    }

    public void finish() {
        try {
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(int column, String value) {
        if (value != null && !value.isEmpty()) {
            sheet.value(row, column, value);
        }
    }

    private void flush() {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
