package org.haolin.demo.internal;

import java.util.List;

/**
 * A whole town as generated, before it has ids: the areas below it, one household per family (its flat),
 * the residents (each pointing at its household by index) and their tags (pointing at residents by index).
 */
record GeneratedTown(TownSpec spec, List<PlannedArea> areas, List<Room> households, List<Person> residents,
                     List<PlannedTag> tags) {

    long rows() {
        return areas.size() + households.size() + residents.size() + tags.size();
    }
}
