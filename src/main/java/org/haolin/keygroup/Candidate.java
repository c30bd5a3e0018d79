package org.haolin.keygroup;

/** A resident an ambiguous row may mean, as a person picking sees them: masked, never full numbers. */
public record Candidate(long residentId, String name, String place, String room, String idNumberMasked,
                        String phoneMasked) {
}
