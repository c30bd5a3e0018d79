package org.haolin.sweep;

/** This week's sweep coverage of one residential area; roundId null when no round was opened. */
public record AreaCoverage(long areaId, String areaName, Long roundId, Coverage coverage) {
}
