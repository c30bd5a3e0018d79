package org.haolin.workforce;

/** An area to search in, labelled for a select box (a stairwell with its building). */
public record AreaChoice(long id, String label) {
}
