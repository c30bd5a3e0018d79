package org.haolin.resident;

public enum TagCategory {
    KEY_GROUP, HARDSHIP, OCCUPATION, STATUS
}
