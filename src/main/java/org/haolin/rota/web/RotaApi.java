package org.haolin.rota.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.rota.Rota;
import org.haolin.rota.RotaShift;
import org.haolin.rota.Rotas;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** Rotas over JSON: make one, have it solved (poll GET until the state is no longer SOLVING), publish it. */
@RestController
@RequestMapping("/api/v1/rotas")
@Tag(name = "Rotas")
class RotaApi {

    private final Rotas rotas;

    RotaApi(Rotas rotas) {
        this.rotas = rotas;
    }

    record NewRota(Long areaId, LocalDate firstDay, Integer days, String name) {
    }

    record RotaView(Rota rota, List<RotaShift> shifts) {
    }

    @Operation(summary = "Make a rota over a residential area or town (201)")
    @PostMapping
    ResponseEntity<Rota> create(@AuthenticationPrincipal HaolinUser user, @RequestBody NewRota body) {
        long id = rotas.create(user, body.areaId(), body.firstDay(), body.days(), body.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(rotas.rota(user, id));
    }

    @Operation(summary = "Start solving the rota in the background (202)")
    @PostMapping("/{id}/solve")
    ResponseEntity<Rota> solve(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        rotas.solve(user, id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rotas.rota(user, id));
    }

    @Operation(summary = "The rota with its state, score, problems and shifts")
    @GetMapping("/{id}")
    RotaView rota(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return new RotaView(rotas.rota(user, id), rotas.shifts(user, id));
    }

    @Operation(summary = "Publish a solved rota; the people on it are told")
    @PostMapping("/{id}/publish")
    Rota publish(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        rotas.publish(user, id);
        return rotas.rota(user, id);
    }
}
