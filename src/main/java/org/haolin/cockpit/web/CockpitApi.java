package org.haolin.cockpit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.cockpit.Cockpit;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/**
 * The overview's figures as JSON: for scripts of a signed-in page (/cockpit/data) and for integration
 * accounts with a bearer token (/api/v1/cockpit/...). Same scope rules and audit as the page.
 */
@RestController
@Tag(name = "Town overview")
class CockpitApi {

    private final Cockpit cockpit;
    private final MessageSource messages;

    CockpitApi(Cockpit cockpit, MessageSource messages) {
        this.cockpit = cockpit;
        this.messages = messages;
    }

    @GetMapping("/cockpit/data")
    CockpitJson data(@AuthenticationPrincipal HaolinUser user, @RequestParam(required = false) Long area,
                     Locale locale) {
        return CockpitJson.of(cockpit.overview(user, area), messages, locale);
    }

    @Operation(summary = "Figures of the areas where the caller's scope starts, and of each area one level down")
    @GetMapping("/api/v1/cockpit")
    CockpitJson start(@AuthenticationPrincipal HaolinUser user, Locale locale) {
        return CockpitJson.of(cockpit.overview(user, null), messages, locale);
    }

    @Operation(summary = "Figures of one area in the caller's scope, and of each area one level down")
    @GetMapping("/api/v1/cockpit/areas/{id}")
    CockpitJson area(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, Locale locale) {
        return CockpitJson.of(cockpit.overview(user, id), messages, locale);
    }
}
