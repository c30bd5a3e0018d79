package org.haolin.screening.web;

import org.haolin.access.HaolinUser;
import org.haolin.screening.ResultEntry;
import org.haolin.screening.ResultsApplied;
import org.haolin.screening.TubeResult;
import org.haolin.screening.TubeResults;
import org.haolin.screening.internal.ResultSheet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** The results page of a campaign: enter one tube's result, upload a lab's workbook, see the latest results. */
@Controller
class TubeResultController {

    private final TubeResults results;
    private final ResultTexts texts;

    TubeResultController(TubeResults results, ResultTexts texts) {
        this.results = results;
        this.texts = texts;
    }

    @GetMapping("/campaigns/{id}/results")
    String show(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Model model) {
        model.addAttribute("campaign", results.campaign(user, id));
        model.addAttribute("recent", results.recent(user, id));
        model.addAttribute("values", TubeResult.values());
        model.addAttribute("maxRows", ResultSheet.MAX_ROWS);
        model.addAttribute("maxMegabytes", ResultSheet.MAX_BYTES / (1024 * 1024));
        return "screening/results";
    }

    @PostMapping("/campaigns/{id}/results")
    String processEntryForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                            @RequestParam(required = false) String tubeCode,
                            @RequestParam(required = false) String result, Locale locale, Model model) {
        return outcome(user, id, results.enter(user, id, List.of(new ResultEntry(tubeCode, result))), locale, model);
    }

    @PostMapping("/campaigns/{id}/results/import")
    String processImportForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                             @RequestParam MultipartFile file, Locale locale, Model model) throws IOException {
        return outcome(user, id, results.importWorkbook(user, id, file.getInputStream()), locale, model);
    }

    private String outcome(HaolinUser user, long id, ResultsApplied applied, Locale locale, Model model) {
        model.addAttribute("summary", texts.summary(applied, locale));
        model.addAttribute("problems", texts.texts(applied, locale));
        model.addAttribute("newPositives", applied.newPositives());
        return show(user, id, model);
    }
}
