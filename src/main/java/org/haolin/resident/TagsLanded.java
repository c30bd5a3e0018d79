package org.haolin.resident;

import java.util.List;

/**
 * Tags newly put on residents of one town by one action (a person on a resident card, an office list
 * applied, a sweep saved). Tags that were already current are not in it, so re-applying the same list
 * tells nobody anything twice. Carries places and tag codes only: listeners that show more look it up
 * under the reader's scope.
 */
public record TagsLanded(long townId, TagSource source, String sourceRef, Long authorId, List<LandedTag> tags) {

    public TagsLanded {
        tags = List.copyOf(tags);
    }
}
