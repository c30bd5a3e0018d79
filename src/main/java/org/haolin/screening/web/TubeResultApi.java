package org.haolin.screening.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.screening.Positives;
import org.haolin.screening.PositiveTubes;
import org.haolin.screening.ResultEntry;
import org.haolin.screening.TubeResults;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Tube results and positive tubes over JSON, for labs' systems and the epidemic office's tools. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}")
@Tag(name = "Screening results")
class TubeResultApi {

    private final TubeResults results;
    private final PositiveTubes positives;
    private final ResultTexts texts;

    TubeResultApi(TubeResults results, PositiveTubes positives, ResultTexts texts) {
        this.results = results;
        this.positives = positives;
        this.texts = texts;
    }

    @Operation(summary = "Record tube results ({tubeCode, result: NEGATIVE|POSITIVE|INVALID or 阴性|阳性|无效}). Good rows "
            + "apply, every bad row is named (row from 1, field, reason); a result already recorded is never "
            + "overwritten, so sending the same list again changes nothing.")
    @PostMapping("/results")
    ResultTexts.Outcome enter(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                              @RequestBody List<ResultEntry> entries, Locale locale) {
        return texts.outcome(results.enter(user, id, entries), locale);
    }

    @Operation(summary = "Import a lab's .xlsx (columns tube code and result, Chinese or English headers); rows "
            + "are named by their row number in the sheet")
    @PostMapping("/results/import")
    ResultTexts.Outcome importWorkbook(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                                       @RequestParam MultipartFile file, Locale locale) throws IOException {
        return texts.outcome(results.importWorkbook(user, id, file.getInputStream()), locale);
    }

    @Operation(summary = "The campaign's positive tubes with their people (names masked) in the caller's scope, "
            + "and the buildings and compounds they touch with their zone levels")
    @GetMapping("/positives")
    Positives positives(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return positives.positives(user, id);
    }
}
