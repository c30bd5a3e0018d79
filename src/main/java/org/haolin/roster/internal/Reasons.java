package org.haolin.roster.internal;

import org.haolin.resident.ResidentField;
import org.haolin.resident.RowProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Row problems in the reader's language: "证件号码：最后一位校验码不对…" or "ID number: the last character…". */
@Component
public class Reasons {

    private final MessageSource messages;

    Reasons(MessageSource messages) {
        this.messages = messages;
    }

    public String field(ResidentField field, Locale locale) {
        return messages.getMessage(field.messageKey(), null, field.name(), locale);
    }

    public String reason(RowProblem problem, Locale locale) {
        String text = messages.getMessage(problem.messageKey(), problem.args().toArray(), problem.messageKey(), locale);
        return messages.getMessage("rules.reason", new Object[]{field(problem.field(), locale), text}, locale);
    }

    /** Every problem of a row; each message ends with its own full stop, so a space is all they need between them. */
    public String reasons(List<RowProblem> problems, Locale locale) {
        return problems.stream().map(p -> reason(p, locale)).collect(Collectors.joining(" "));
    }

    public String message(String key, List<String> args, Locale locale) {
        return messages.getMessage(key, args.toArray(), key, locale);
    }
}
