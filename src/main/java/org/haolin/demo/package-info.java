/**
 * The demo town loaded on first start, and the same generator at city scale for benchmarks: a synthetic
 * jurisdiction tree, households, residents with valid ID numbers and tags in realistic proportions, bulk
 * loaded with COPY in exactly the stored form the registry writes, plus one demo account per role and this
 * week's sweep rounds with teams for the demo building leader's stairwells, an open screening campaign, and the
 * people side (workforce, volunteers, a compound plan, a rota to solve, a supervision visit).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area", "resident", "sweep", "keygroup", "screening", "workforce", "plan", "rota", "inspection"})
package org.haolin.demo;
