package org.haolin.roster.internal;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.haolin.resident.IdType;
import org.haolin.resident.ResidenceStatus;
import org.haolin.resident.ResidentField;
import org.haolin.resident.Tag;
import org.haolin.roster.RejectedRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The .xlsx files Haolin hands out besides exports: the import template and the rejected rows. */
@Component
public class RosterWorkbooks {

    static final String APP = "Haolin";
    static final String VERSION = "1.0";
    /** The template's example row: an example compound no town has, so a forgotten example row is refused. */
    static final List<String> EXAMPLE = List.of("王芳", "女", "11010519491231002X", "身份证", "13800138000",
            "1949-12-31", "示例小区", "5号楼", "2单元", "301", "低保、80岁以上高龄独居老人", "在住", "");

    private final MessageSource messages;
    private final Reasons reasons;

    RosterWorkbooks(MessageSource messages, Reasons reasons) {
        this.messages = messages;
        this.reasons = reasons;
    }

    /** The template: Chinese headers (as in Excel rosters today), an example row, text-formatted number columns. */
    public void template(OutputStream out, List<Tag> catalogue, Locale locale) throws IOException {
        Workbook workbook = new Workbook(out, APP, VERSION);
        Worksheet sheet = workbook.newWorksheet(messages.getMessage("import.template.sheet", null, locale));
        List<ResidentField> fields = RosterColumns.TEMPLATE_ORDER;
        for (int c = 0; c < fields.size(); c++) {
            sheet.value(0, c, RosterColumns.header(fields.get(c), Locale.SIMPLIFIED_CHINESE));
            sheet.style(0, c).bold().set();
            sheet.width(c, fields.get(c) == ResidentField.ID_NUMBER ? 22 : 12);
            // Text, not numbers: Excel would turn an 18-digit ID number into 3.1E+17 and lose its digits.
            sheet.style(c).format("@").set();
            sheet.value(1, c, EXAMPLE.get(c));
        }
        sheet.freezePane(0, 1);
        instructions(workbook.newWorksheet(messages.getMessage("import.template.help", null, locale)), catalogue, locale);
        workbook.finish();
    }

    private void instructions(Worksheet sheet, List<Tag> catalogue, Locale locale) {
        int row = 0;
        sheet.width(0, 14);
        sheet.width(1, 90);
        for (ResidentField field : RosterColumns.TEMPLATE_ORDER) {
            sheet.value(row, 0, RosterColumns.header(field, Locale.SIMPLIFIED_CHINESE));
            sheet.value(row++, 1, messages.getMessage("import.template.about." + field.name(),
                    new Object[]{values(field, catalogue, locale)}, locale));
        }
        sheet.value(++row, 0, messages.getMessage("import.template.limits",
                new Object[]{ImportLimits.maxMegabytes(), String.valueOf(ImportLimits.MAX_ROWS)}, locale));
    }

    private String values(ResidentField field, List<Tag> catalogue, Locale locale) {
        return switch (field) {
            case TAGS -> catalogue.stream().filter(Tag::active).map(Tag::nameZh).collect(Collectors.joining("、"));
            case STATUS -> java.util.Arrays.stream(ResidenceStatus.values())
                    .map(s -> messages.getMessage("status." + s, null, Locale.SIMPLIFIED_CHINESE))
                    .collect(Collectors.joining("、"));
            case ID_TYPE -> java.util.Arrays.stream(IdType.values())
                    .map(t -> messages.getMessage("idType." + t, null, Locale.SIMPLIFIED_CHINESE))
                    .collect(Collectors.joining("、"));
            default -> "";
        };
    }

    /** The rejected rows with their original columns, then the row number and the reason. */
    public void rejected(OutputStream out, List<String> header, List<RejectedRow> rows, Locale locale) throws IOException {
        Workbook workbook = new Workbook(out, APP, VERSION);
        Worksheet sheet = workbook.newWorksheet(messages.getMessage("import.rejected.sheet", null, locale));
        int width = header.size();
        for (int c = 0; c < width; c++) {
            sheet.value(0, c, header.get(c));
            sheet.style(0, c).bold().set();
        }
        sheet.value(0, width, messages.getMessage("import.rejected.row", null, locale));
        sheet.value(0, width + 1, messages.getMessage("import.rejected.reason", null, locale));
        sheet.style(0, width).bold().set();
        sheet.style(0, width + 1).bold().set();
        sheet.width(width + 1, 60);
        int r = 1;
        for (RejectedRow row : rows) {
            for (int c = 0; c < width && c < row.cells().size(); c++) {
                if (row.cells().get(c) != null && !row.cells().get(c).isEmpty()) {
                    sheet.value(r, c, row.cells().get(c));
                }
            }
            sheet.value(r, width, row.row());
            sheet.value(r, width + 1, reasons.reasons(row.problems(), locale));
            if (r++ % 5_000 == 0) {
                sheet.flush();
            }
        }
        sheet.freezePane(0, 1);
        workbook.finish();
    }
}
