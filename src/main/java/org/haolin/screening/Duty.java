package org.haolin.screening;

/** What a person does at a sampling point. */
public enum Duty {
    LEADER, SCANNER, SAMPLER
}
