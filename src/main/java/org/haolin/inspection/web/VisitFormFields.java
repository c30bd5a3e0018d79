package org.haolin.inspection.web;

import org.haolin.inspection.CheckResult;
import org.haolin.inspection.InspectionItem;
import org.haolin.inspection.NewCheck;
import org.haolin.inspection.NewVisit;
import org.haolin.platform.DomainException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the visit form: per item "result_CODE", "note_CODE", "owner_CODE", "due_CODE"; and "clientId", "note".
 * A field the browser cannot have sent (a forged value) is refused naming the item.
 */
final class VisitFormFields {

    private VisitFormFields() {
    }

    static NewVisit visit(long areaId, Map<String, String> form, List<InspectionItem> items) {
        List<NewCheck> checks = items.stream().map(item -> check(item, form)).toList();
        return new NewVisit(areaId, uuid(form.get("clientId")), form.get("note"), checks);
    }

    private static NewCheck check(InspectionItem item, Map<String, String> form) {
        String code = item.code();
        try {
            String result = blankToNull(form.get("result_" + code));
            String owner = blankToNull(form.get("owner_" + code));
            String due = blankToNull(form.get("due_" + code));
            return new NewCheck(code, result == null ? null : CheckResult.valueOf(result), form.get("note_" + code),
                    owner == null ? null : Long.valueOf(owner), due == null ? null : LocalDate.parse(due));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw DomainException.invalid("inspection.field.invalid", item.name(
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
    }

    private static UUID uuid(String raw) {
        try {
            return raw == null ? null : UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
