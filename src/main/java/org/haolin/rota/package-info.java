/**
 * The duty rota (定岗制度): shifts for duty posts and residential-area staff over a period, solved so every post is
 * covered as its plan requires and every worker gets a rest day in every seven by substitution by rank; published,
 * exported, seen by each person as "my shifts" with the protection checklist at the start of each shift; swaps.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area", "workforce", "plan"})
package org.haolin.rota;
