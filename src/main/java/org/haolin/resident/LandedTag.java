package org.haolin.resident;

/** One tag that landed on a resident: where (stairwell and room), never who by name or number. */
public record LandedTag(long residentId, long stairwellId, String stairwellPath, String room, String tagCode,
                        TagCategory category) {
}
