package org.haolin.resident;

/**
 * Residents or their tags changed in a town. Published once per change made through the facades (and
 * once per batch by bulk writers), so that figures built from the registry, such as the town overview,
 * can be counted again.
 */
public record ResidentsChanged(long townId) {
}
