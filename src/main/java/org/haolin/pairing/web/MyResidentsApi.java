package org.haolin.pairing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.pairing.Channel;
import org.haolin.pairing.CheckIn;
import org.haolin.pairing.CheckIns;
import org.haolin.pairing.NewCheckIn;
import org.haolin.pairing.PairedResident;
import org.haolin.pairing.Wellbeing;
import org.haolin.platform.DomainException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;

/** A helper's phone: the residents paired with them, most urgent first, and recording a check-in. */
@RestController
@RequestMapping("/api/v1/my-residents")
@Tag(name = "Pairings")
class MyResidentsApi {

    private final CheckIns checkIns;

    MyResidentsApi(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    /** A contact with a key the client made for this submission, so a retry answers the first. */
    record CheckInRequest(String idempotencyKey, Long residentId, Channel channel, OffsetDateTime contactedAt,
                          Wellbeing wellbeing, String notes, String need) {
    }

    @Operation(summary = "Residents paired with you, most urgent first")
    @GetMapping
    List<PairedResident> myResidents(@AuthenticationPrincipal HaolinUser user) {
        return checkIns.myResidents(user);
    }

    @Operation(summary = "Record a check-in (the same idempotencyKey answers the first recording)")
    @PostMapping("/check-ins")
    CheckIn record(@AuthenticationPrincipal HaolinUser user, @RequestBody CheckInRequest body) {
        if (body.residentId() == null) {
            throw DomainException.invalid("pairing.checkIn.incomplete");
        }
        return checkIns.record(user, new NewCheckIn(body.residentId(), body.channel(), body.contactedAt(),
                body.wellbeing(), body.notes(), body.need()), body.idempotencyKey());
    }
}
