/**
 * Residents, households and tags with history; the stairwell list; search; unmasking.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area"})
package org.haolin.resident;
