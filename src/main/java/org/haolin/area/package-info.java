/**
 * The jurisdiction tree (district, town, residential area, compound, building, stairwell) and the
 * zone levels of compounds and buildings with their history.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access"})
package org.haolin.area;
