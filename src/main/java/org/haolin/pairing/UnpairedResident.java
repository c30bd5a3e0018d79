package org.haolin.pairing;

import java.util.List;

/** A resident who must be paired and is not, with the helpers suggested for them (best first). */
public record UnpairedResident(long residentId, String name, String place, List<String> tags, List<Helper> suggestions) {

    public UnpairedResident {
        tags = List.copyOf(tags);
        suggestions = List.copyOf(suggestions);
    }
}
