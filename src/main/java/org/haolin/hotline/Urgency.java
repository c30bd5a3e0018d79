package org.haolin.hotline;

/** How soon a hotline request needs an answer. */
public enum Urgency {
    LOW, NORMAL, URGENT
}
