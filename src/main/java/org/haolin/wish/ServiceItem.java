package org.haolin.wish;

/** An item of the government service catalogue (星管家): what, who provides it, and in how many hours. */
public record ServiceItem(long id, long townId, String name, String provider, int promisedHours) {
}
