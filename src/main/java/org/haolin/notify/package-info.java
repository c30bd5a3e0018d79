/**
 * Telling people: the in-app inbox with its unread count, and the outbound channels a town configures
 * (SMTP mail and group-chat webhooks), delivered from an outbox with retries.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area", "resident", "pairing", "screening", "inspection", "plan", "rota"})
package org.haolin.notify;
