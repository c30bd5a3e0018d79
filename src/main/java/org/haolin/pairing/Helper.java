package org.haolin.pairing;

/** A person who may be paired with a resident: their current load and how near their area is. */
public record Helper(long accountId, String name, int paired, Nearness nearness) {
}
