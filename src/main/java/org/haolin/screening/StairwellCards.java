package org.haolin.screening;

import org.haolin.area.Area;

import java.util.List;

/** The personal-code cards of one stairwell, for printing. */
public record StairwellCards(Area stairwell, String buildingName, List<CodeCard> cards) {
}
