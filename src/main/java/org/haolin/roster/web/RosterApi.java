package org.haolin.roster.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.roster.ImportCounts;
import org.haolin.roster.ImportReport;
import org.haolin.roster.RosterExports;
import org.haolin.roster.RosterImports;
import org.haolin.roster.RosterJob;
import org.haolin.roster.internal.Reasons;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Roster import and export")
class RosterApi {

    private final RosterImports imports;
    private final RosterExports exports;
    private final Reasons reasons;

    RosterApi(RosterImports imports, RosterExports exports, Reasons reasons) {
        this.imports = imports;
        this.exports = exports;
        this.reasons = reasons;
    }

    /** One problem of one rejected row: the row number in the sheet, the field, its column header, the reason. */
    record Rejection(int row, String field, String column, String reason) {
    }

    /** What an import did, or (dry run) would do; "saved" says whether anything was written. */
    record ImportAnswer(long jobId, boolean dryRun, boolean saved, int rows, int created, int updated, int unchanged,
                        int rejected, List<Rejection> rejectedRows) {
    }

    @Operation(summary = "Import a residents roster (.xlsx). dryRun=true (the default) only checks; a real import "
            + "saves all rows or, if any row is rejected, nothing (422). An Idempotency-Key header makes retries safe.")
    @PostMapping(value = "/residents/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportAnswer> importRoster(@AuthenticationPrincipal HaolinUser user,
                                              @RequestParam("file") MultipartFile file,
                                              @RequestParam(defaultValue = "true") boolean dryRun,
                                              @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                              Locale locale) throws IOException {
        ImportReport report = imports.importNow(user, file.getOriginalFilename(), file.getInputStream(), dryRun, key);
        RosterJob job = report.job();
        if (job.state() == RosterJob.State.REFUSED && job.problemKey() != null) {
            throw DomainException.invalid(job.problemKey(), job.problemArgs().toArray());
        }
        if (job.state() == RosterJob.State.FAILED || job.counts() == null) {
            throw new IllegalStateException("import job " + job.id() + " failed");
        }
        ImportCounts c = job.counts();
        boolean saved = !job.dryRun() && job.state() == RosterJob.State.DONE;
        ImportAnswer answer = new ImportAnswer(job.id(), job.dryRun(), saved, c.rows(), c.created(), c.updated(),
                c.unchanged(), c.rejected(), rejections(report, locale));
        return ResponseEntity.status(job.dryRun() || saved ? HttpStatus.OK : HttpStatus.valueOf(422)).body(answer);
    }

    @Operation(summary = "The import template (.xlsx, Chinese headers, an example row)")
    @GetMapping("/residents/import/template")
    void template(Locale locale, HttpServletResponse response) throws IOException {
        Xlsx.download(response, "roster-template.xlsx");
        imports.writeTemplate(locale, response.getOutputStream());
    }

    @Operation(summary = "One stairwell's list as .xlsx (masked)")
    @GetMapping("/stairwells/{id}/roster.xlsx")
    void stairwell(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Locale locale,
                   HttpServletResponse response) throws IOException {
        ExportController.stream(user, exports.stairwell(user, id), locale, response, exports);
    }

    @Operation(summary = "Every resident under an area (town, residential area, compound, building) as .xlsx (masked)")
    @GetMapping("/areas/{id}/roster.xlsx")
    void area(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Locale locale,
              HttpServletResponse response) throws IOException {
        ExportController.stream(user, exports.area(user, id), locale, response, exports);
    }

    private List<Rejection> rejections(ImportReport report, Locale locale) {
        return report.rejected().stream().flatMap(r -> r.problems().stream().map(p -> new Rejection(r.row(),
                p.field().name(), column(report, p.field()), reasons.reason(p, locale)))).toList();
    }

    private static String column(ImportReport report, org.haolin.resident.ResidentField field) {
        return report.header().stream().filter(h -> org.haolin.roster.internal.RosterColumns.field(h) == field)
                .findFirst().orElse(null);
    }
}
