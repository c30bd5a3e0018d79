package org.haolin.screening.web;

import org.haolin.screening.ResultProblem;
import org.haolin.screening.ResultsApplied;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/** Result rows not taken, in the reader's language: "第3行，试管编号：…" or "Row 3, tube code: …". */
@Component
class ResultTexts {

    /** One row not taken: its number, the field, and the reason in the reader's language. */
    record RowRefusal(int row, String field, String reason) {
    }

    /** A batch's outcome as the API answers it. */
    record Outcome(int applied, int unchanged, List<String> newPositives, List<RowRefusal> problems) {
    }

    private final MessageSource messages;

    ResultTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(ResultProblem problem, Locale locale) {
        return messages.getMessage("screening.result.row.problem",
                new Object[]{String.valueOf(problem.row()), field(problem, locale), reason(problem, locale)}, locale);
    }

    List<String> texts(ResultsApplied applied, Locale locale) {
        return applied.problems().stream().map(p -> text(p, locale)).toList();
    }

    String summary(ResultsApplied applied, Locale locale) {
        return messages.getMessage("screening.result.outcome", new Object[]{applied.applied(), applied.unchanged(),
                applied.problems().size()}, locale);
    }

    Outcome outcome(ResultsApplied applied, Locale locale) {
        return new Outcome(applied.applied(), applied.unchanged(), applied.newPositives(), applied.problems().stream()
                .map(p -> new RowRefusal(p.row(), p.field().name(), reason(p, locale))).toList());
    }

    private String field(ResultProblem problem, Locale locale) {
        return messages.getMessage("screening.result.field." + problem.field().name(), null, locale);
    }

    private String reason(ResultProblem problem, Locale locale) {
        return messages.getMessage(problem.messageKey(), problem.args().toArray(), problem.messageKey(), locale);
    }
}
