package org.haolin.keygroup;

/** A stairwell a new resident may be registered in, named with its compound and building. */
public record StairwellChoice(long id, String name) {
}
