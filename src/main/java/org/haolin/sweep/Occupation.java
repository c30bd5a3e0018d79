package org.haolin.sweep;

/** What a sweep notes of a resident's work, each one tag of the catalogue with the same code. */
public enum Occupation {
    MEDICAL_STAFF, POLICE, VOLUNTEER;

    public String tagCode() {
        return name();
    }
}
