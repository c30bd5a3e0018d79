/**
 * The town overview (cockpit): residents, key groups, hardship and each tag's count per area of the
 * viewer's scope, drillable from the town down to a stairwell, read from rollups that are counted again
 * every minute and whenever residents change; with this week's sweep coverage, office-list rows still waiting for a person, the zone levels in force, pairing coverage and wishes, and the latest screening campaigns.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area", "resident", "sweep", "keygroup", "pairing", "wish", "screening"})
package org.haolin.cockpit;
