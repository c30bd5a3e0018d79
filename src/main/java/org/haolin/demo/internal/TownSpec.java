package org.haolin.demo.internal;

import java.time.OffsetDateTime;

/**
 * What to generate: a town's name and code, the ID region of its own district, how many residents, the seed
 * that makes the town the same every time, and the moment ages and tag periods are counted from.
 */
record TownSpec(String name, String code, String homeRegion, int residents, long seed, OffsetDateTime now) {
}
