package org.haolin.rota;

/**
 * Volunteers (workforce people marked volunteer) holding a shift of a published rota today, and how many of them
 * have started (confirmed the protection checklist).
 */
public record VolunteersOnDuty(int onDuty, int started) {
}
