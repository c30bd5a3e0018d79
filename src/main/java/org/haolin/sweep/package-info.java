/**
 * Weekly building sweeps (扫楼): a round per residential area per week, a team of three per stairwell, the
 * sheet a team member walks on a phone marking each resident, and the round's coverage, changes and overdue
 * stairwells. Marks update the registry (residence status, tags) with source "sweep".
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area", "resident"})
package org.haolin.sweep;
