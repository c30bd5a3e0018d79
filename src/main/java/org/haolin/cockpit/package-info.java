/**
 * The town overview (cockpit): residents, key groups, hardship and each tag's count per area of the
 * viewer's scope, drillable from the town down to a stairwell, read from rollups that are counted again
 * every minute and whenever residents change; with this week's sweep coverage, office-list rows still waiting for a person and the zone levels in force.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area", "resident", "sweep", "keygroup"})
package org.haolin.cockpit;
