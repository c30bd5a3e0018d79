/**
 * One compound, one plan (一小区一方案): each compound's plan, versioned and effective-dated, with its duty posts
 * by type, their point leaders, duties, people and the staffing each zone level needs; posts short of people at
 * the compound's current zone level are flagged at once.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area", "workforce"})
package org.haolin.plan;
