/**
 * The town overview (cockpit): residents, key groups, hardship and each tag's count per area of the
 * viewer's scope, drillable from the town down to a stairwell, read from rollups that are counted again
 * every minute and whenever residents change; with this week's sweep coverage, office-list rows still waiting for a person, the zone levels in force, pairing coverage and wishes, the latest screening campaigns, and the people side: short duty posts, rest-day compliance, volunteers on duty and open supervision findings.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area", "resident", "sweep", "keygroup", "pairing", "wish", "screening", "workforce", "plan", "rota", "inspection"})
package org.haolin.cockpit;
