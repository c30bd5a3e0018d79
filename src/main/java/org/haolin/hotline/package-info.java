/**
 * The stairwell hotline (楼道热线): staff log calls and messages (caller, stairwell, topic, urgency); each is a
 * request followed from open to done, and may become a wish. Each stairwell may have a hotline contact, shown on
 * its stairwell list.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area", "resident", "wish"})
package org.haolin.hotline;
