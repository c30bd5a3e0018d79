package org.haolin.resident;

/** Where a tag on a resident came from. */
public enum TagSource {
    MANUAL, IMPORT, OFFICE_LIST, SWEEP
}
