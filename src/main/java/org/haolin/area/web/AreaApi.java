package org.haolin.area.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.area.ZoneLevel;
import org.haolin.area.ZoneLevelChange;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The jurisdiction tree over JSON, with the same scope rules as the pages. */
@RestController
@RequestMapping("/api/v1/areas")
@Tag(name = "Areas")
class AreaApi {

    private final AreaTree areas;

    AreaApi(AreaTree areas) {
        this.areas = areas;
    }

    record NewArea(String name, String code) {
    }

    record Rename(String name) {
    }

    record ZoneLevelRequest(ZoneLevel level, String reason) {
    }

    @Operation(summary = "The areas the caller's scope starts at")
    @GetMapping
    List<Area> roots(@AuthenticationPrincipal HaolinUser user) {
        return areas.roots(user);
    }

    @GetMapping("/{id}")
    Area show(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return areas.visible(user, id);
    }

    @GetMapping("/{id}/children")
    List<Area> children(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return areas.children(user, id);
    }

    @Operation(summary = "Add an area one level below (town admins)")
    @PostMapping("/{id}/children")
    @ResponseStatus(HttpStatus.CREATED)
    Area create(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @RequestBody NewArea body) {
        return areas.create(user, id, body.name(), body.code());
    }

    @PatchMapping("/{id}")
    Area rename(@AuthenticationPrincipal HaolinUser user, @PathVariable long id, @RequestBody Rename body) {
        return areas.rename(user, id, body.name());
    }

    @Operation(summary = "Raise or lower a compound's or building's zone level, with a reason")
    @PostMapping("/{id}/zone-level")
    ZoneLevelChange changeZoneLevel(@AuthenticationPrincipal HaolinUser user, @PathVariable long id,
                                    @RequestBody ZoneLevelRequest body) {
        if (body.level() == null) {
            throw org.haolin.platform.DomainException.invalid("zone.level.required");
        }
        return areas.changeZoneLevel(user, id, body.level(), body.reason());
    }

    @GetMapping("/{id}/zone-levels")
    List<ZoneLevelChange> zoneHistory(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return areas.zoneHistory(user, id);
    }
}
