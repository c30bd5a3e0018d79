package org.haolin.cockpit;

import org.haolin.resident.Tag;

/** How many residents of the viewed area carry a tag now. */
public record TagFigure(Tag tag, int count) {
}
