package org.haolin.keygroup;

import java.util.List;

/** A list with its progress per residential area, and whether the reader may apply it (the office). */
public record ListProgress(KeyGroupList list, List<AreaProgress> areas, boolean mayApply) {
}
