package org.haolin.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.haolin.access.HaolinUser;
import org.haolin.plan.CompoundPlanPage;
import org.haolin.plan.CompoundPlans;
import org.haolin.plan.PostShortages;
import org.haolin.plan.ShortPosts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Compound plans over JSON, with the same scope rules as the pages. */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Compound plans")
class PlanApi {

    private final CompoundPlans plans;
    private final PostShortages shortages;

    PlanApi(CompoundPlans plans, PostShortages shortages) {
        this.plans = plans;
        this.shortages = shortages;
    }

    @Operation(summary = "A compound's plan: the version in force, the draft, all versions and the short posts")
    @GetMapping("/compounds/{id}")
    CompoundPlanPage compound(@AuthenticationPrincipal HaolinUser user, @PathVariable long id) {
        return plans.compound(user, id);
    }

    @Operation(summary = "Posts short of people at their compound's current zone level, within the caller's scope")
    @GetMapping("/shortages")
    ShortPosts shortages(@AuthenticationPrincipal HaolinUser user) {
        return shortages.inScope(user);
    }
}
