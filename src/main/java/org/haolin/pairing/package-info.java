/**
 * Pairings (一人一结对) and the check-in sheet (结对帮困打卡表): every resident with a hardship tag (or a tag
 * their town adds) has one helper, who keeps in touch at the frequency the resident's strictest tag requires.
 * Coverage per residential area, suggestions, pairing history, check-ins with idempotency keys, "my residents"
 * for helpers and the overdue list for staff. A need found on a check-in is published as {@link NeedFound}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area", "resident"})
package org.haolin.pairing;
