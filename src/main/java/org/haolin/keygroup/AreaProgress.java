package org.haolin.keygroup;

/** One residential area's share of a list; a null area holds the rows no area could be found for yet. */
public record AreaProgress(Long areaId, String areaName, ListCounts counts) {
}
