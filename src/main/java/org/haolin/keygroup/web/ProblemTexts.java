package org.haolin.keygroup.web;

import org.haolin.keygroup.ListRowProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/** Row problems in the reader's language: "第3行，身份证号：最后一位校验码不对…" or "Row 3, ID number: …". */
@Component
class ProblemTexts {

    private final MessageSource messages;

    ProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    String field(ListRowProblem problem, Locale locale) {
        return messages.getMessage(problem.field().messageKey(), null, problem.field().name(), locale);
    }

    String reason(ListRowProblem problem, Locale locale) {
        return messages.getMessage(problem.messageKey(), problem.args().toArray(), problem.messageKey(), locale);
    }

    String text(ListRowProblem problem, Locale locale) {
        return messages.getMessage("keygroup.row.problem",
                new Object[]{String.valueOf(problem.row()), field(problem, locale), reason(problem, locale)}, locale);
    }

    List<String> texts(List<ListRowProblem> problems, Locale locale) {
        return problems.stream().map(p -> text(p, locale)).toList();
    }

    String summary(int rowsWithProblems, Locale locale) {
        return messages.getMessage("keygroup.rows.invalid", new Object[]{rowsWithProblems}, locale);
    }
}
