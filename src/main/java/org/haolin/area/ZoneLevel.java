package org.haolin.area;

/** Zone levels, strictest first. Which ones an emergency uses is up to the town. */
public enum ZoneLevel {
    SEALED, CONTROLLED, PREVENTION, NORMAL
}
