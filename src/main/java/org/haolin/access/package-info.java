/**
 * Accounts, login with a second factor, roles on areas, the one scope component, and the audit trail.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package org.haolin.access;
