package org.haolin.screening.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.platform.IsoTimestamps;
import org.haolin.platform.LocalTimes;
import org.haolin.screening.Scan;
import org.haolin.screening.ScanOutcome;
import org.haolin.screening.ScanResult;
import org.haolin.screening.ScannedPerson;
import org.haolin.screening.Scans;
import org.haolin.screening.ScansOverloaded;
import org.haolin.screening.StationMatch;
import org.haolin.screening.TubeClosing;
import org.haolin.screening.TubeState;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The scan path over JSON, for the API (bearer token) and for the station page (session and CSRF header): the
 * same body, the same answers, the same facade.
 */
@RestController
@Tag(name = "Screening scans")
class ScanApi {

    private final Scans scans;
    private final MessageSource messages;
    private final LocalTimes times;
    private final ObjectReader scanBodies;
    private final ObjectWriter scanAnswers;

    ScanApi(Scans scans, MessageSource messages, LocalTimes times, JsonMapper json) {
        this.scans = scans;
        this.messages = messages;
        this.times = times;
        this.scanBodies = json.readerFor(ScanBody.class);
        this.scanAnswers = json.writerFor(ScanAnswers.class);
    }

    /** One scan, or {@code {"scans":[...]}} for a device's queue. */
    record ScanBody(String clientId, Long pointId, String code, Long residentId, String tubeCode,
                    @JsonDeserialize(using = IsoTimestamps.Reader.class) OffsetDateTime scannedAt,
                    List<ScanBody> scans) {

        List<Scan> asScans() {
            return scans != null ? scans.stream().map(ScanBody::asScan).toList() : List.of(asScan());
        }

        private Scan asScan() {
            return new Scan(clientId, pointId, code, residentId, tubeCode, scannedAt);
        }
    }

    record ScanAnswer(String clientId, ScanOutcome outcome, Long checkinId, ScannedPerson person, TubeState tube,
                      OffsetDateTime earlierAt, String message) {
    }

    record ScanAnswers(List<ScanAnswer> results) {
    }

    record ClosedTube(TubeState tube) {
    }

    /**
     * The hot path of a peak reads its body and writes its answer with a reader and a writer made once, and
     * answers with a length: Spring MVC's message converters negotiate content types and wrap headers afresh for
     * every request, and without them a check-in costs Haolin's JVM about a third less (measured,
     * docs/screening-scans.md). A body that is not such JSON is refused with 400, naming what could not be read.
     * With a bearer token the API's path is served by {@link ScanLane}, ahead of the filters and of this mapping,
     * which serves the station's (session) path and documents both.
     */
    @Operation(summary = "Record scans at a sampling point (one scan or {\"scans\":[...]}, at most 500)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ScanBody.class))),
            responses = @ApiResponse(responseCode = "200", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ScanAnswers.class))))
    @PostMapping({"/api/v1/campaigns/{id}/checkins", "/campaigns/{id}/station/checkins"})
    void processCheckInForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                            HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Scan> sent = scansOf(request);
        byte[] answer = scanAnswers.writeValueAsBytes(
                new ScanAnswers(scans.checkIn(user, id, sent).stream().map(this::answer).toList()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    /** The request's scans (one, or a device's queue); 400 naming what could not be read. */
    private List<Scan> scansOf(HttpServletRequest request) throws IOException {
        try {
            ScanBody body = scanBodies.readValue(request.getInputStream());
            if (body != null) {
                return body.asScans();
            }
            throw DomainException.invalid("screening.scan.body.unreadable", "-");
        } catch (JacksonException e) {
            throw DomainException.invalid("screening.scan.body.unreadable", e.getOriginalMessage());
        }
    }

    @Operation(summary = "Close a tube by hand (closing a closed tube answers it unchanged)")
    @PostMapping({"/api/v1/campaigns/{id}/tubes/close", "/campaigns/{id}/station/tubes/close"})
    ClosedTube processTubeClosingForm(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                                      @RequestBody TubeClosing body) {
        return new ClosedTube(scans.closeTube(user, id, body));
    }

    @Operation(summary = "Expected residents of the point's area by name prefix or room")
    @GetMapping("/campaigns/{id}/station/search")
    List<StationMatch> search(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                              @RequestParam long pointId, @RequestParam String q) {
        return scans.search(user, id, pointId, q);
    }

    /** Too much waiting: 503 with Retry-After, so devices keep their scans and send them again shortly. */
    @ExceptionHandler(ScansOverloaded.class)
    ResponseEntity<ProblemDetail> overloaded(ScansOverloaded e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), messages.getMessage(e.messageKey(),
                e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
        problem.setProperty("code", e.messageKey());
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ScansOverloaded.RETRY_AFTER_SECONDS))
                .body(problem);
    }

    private ScanAnswer answer(ScanResult r) {
        Object[] args = {r.person() == null ? "" : r.person().maskedName(), times.format(r.earlierAt(), "HH:mm"),
                r.earlierTube() == null ? "-" : r.earlierTube(), r.tube() == null ? "-" : r.tube().code(),
                r.tube() == null ? 0 : r.tube().people(), r.tube() == null ? 0 : r.tube().capacity()};
        String message = messages.getMessage("screening.scan.outcome." + r.outcome().name(), args,
                LocaleContextHolder.getLocale());
        return new ScanAnswer(r.clientId(), r.outcome(), r.checkinId(), r.person(), r.tube(), r.earlierAt(), message);
    }
}
