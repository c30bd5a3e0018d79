package org.haolin.screening;

import org.haolin.area.Area;

/**
 * A building or compound where people of positive tubes live, with its current zone level (in the area) and
 * how many of those people live there; mayRaise when the viewer may change its zone level.
 */
public record AffectedArea(Area area, int people, boolean mayRaise) {
}
