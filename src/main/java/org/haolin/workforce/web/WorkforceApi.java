package org.haolin.workforce.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.resident.AgedResident;
import org.haolin.workforce.Person;
import org.haolin.workforce.Volunteers;
import org.haolin.workforce.WorkforceRegister;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The workforce over JSON, masked like the pages and under the same scope. */
@RestController
@RequestMapping("/api/v1/workforce")
@Tag(name = "Workforce")
class WorkforceApi {

    private final WorkforceRegister register;
    private final Volunteers volunteers;

    WorkforceApi(WorkforceRegister register, Volunteers volunteers) {
        this.register = register;
        this.volunteers = volunteers;
    }

    @Operation(summary = "The people serving in a residential area (or the town's cadres)")
    @GetMapping("/areas/{areaId}/people")
    List<Person> people(@AuthenticationPrincipal HaolinUser user, @PathVariable long areaId) {
        return register.area(user, areaId).people();
    }

    @Operation(summary = "Residents of an area in an age band not yet in the workforce (masked names)")
    @GetMapping("/areas/{areaId}/candidates")
    List<AgedResident> candidates(@AuthenticationPrincipal HaolinUser user, @PathVariable long areaId,
                                  @RequestParam(defaultValue = "" + Volunteers.DEFAULT_MIN_AGE) int minAge,
                                  @RequestParam(defaultValue = "" + Volunteers.DEFAULT_MAX_AGE) int maxAge) {
        return volunteers.candidates(user, areaId, minAge, maxAge);
    }

    @GetMapping("/people/{id}")
    Person person(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return register.person(user, id);
    }

    @Operation(summary = "The volunteer pool of every residential area the caller manages")
    @GetMapping("/volunteers")
    List<Person> pool(@AuthenticationPrincipal HaolinUser user) {
        return volunteers.pool(user);
    }
}
