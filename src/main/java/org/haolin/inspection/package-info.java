/**
 * Supervision (包保督查): supervisors assigned to residential areas record inspection visits with a checklist;
 * findings become rectification tasks with an owner and a due date, tracked to closure.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area"})
package org.haolin.inspection;
