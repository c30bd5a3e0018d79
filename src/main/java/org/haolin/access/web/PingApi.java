package org.haolin.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Is my token good, and whose is it? Touches no database beyond the token check (benchmarks use it as a baseline). */
@RestController
@Tag(name = "Access")
class PingApi {

    record Pong(String username) {
    }

    @Operation(summary = "The account the bearer token belongs to")
    @GetMapping("/api/v1/ping")
    Pong ping(@AuthenticationPrincipal HaolinUser user) {
        return new Pong(user.username());
    }
}
