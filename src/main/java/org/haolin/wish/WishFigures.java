package org.haolin.wish;

import java.util.Map;

/**
 * For the cockpit: wishes in the viewer's scope by state and by route (untriaged wishes have no route), and the
 * median hours from a wish being made to its being fulfilled (null while none was fulfilled).
 */
public record WishFigures(Map<WishState, Integer> byState, Map<WishRoute, Integer> byRoute, Double medianHoursToFulfil) {
}
