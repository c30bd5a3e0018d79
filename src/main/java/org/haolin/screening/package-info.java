/**
 * Screening campaigns (核酸/抗原筛查): campaigns with their sampling points and staff, who is expected and who is
 * on the door-to-door list, scanning personal codes and tubes at the points (offline too), live progress from a
 * rollup kept by the scans, tube results and tracing positive tubes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area", "resident"})
package org.haolin.screening;
