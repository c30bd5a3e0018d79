package org.haolin.workforce;

/** The Party organisation and the four forces (一核四维) of a residential area. */
public enum OrganisationKind {
    PARTY, RESIDENTS_COMMITTEE, OWNERS_COMMITTEE, PROPERTY, VOLUNTEERS
}
