package org.haolin.sweep;

import org.haolin.resident.ResidenceStatus;

import java.util.List;
import java.util.Locale;

/**
 * What a round changed in the registry since the round before: residence statuses, residents found, tags
 * added and ended by the sweep.
 */
public record RoundChanges(List<StatusChange> statuses, List<Found> found, List<TagChange> tagsAdded,
                           List<TagChange> tagsEnded) {

    public RoundChanges {
        statuses = List.copyOf(statuses);
        found = List.copyOf(found);
        tagsAdded = List.copyOf(tagsAdded);
        tagsEnded = List.copyOf(tagsEnded);
    }

    public int total() {
        return statuses.size() + found.size() + tagsAdded.size() + tagsEnded.size();
    }

    public record StatusChange(long residentId, String name, String room, String stairwell, ResidenceStatus before,
                               ResidenceStatus after, String byName) {
    }

    public record Found(long residentId, String name, String room, String stairwell, String byName) {
    }

    public record TagChange(long residentId, String name, String room, String stairwell, String tagCode,
                            String tagNameZh, String tagNameEn, String byName) {

        public String tagName(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? tagNameZh : tagNameEn;
        }
    }
}
