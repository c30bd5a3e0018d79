package org.haolin.resident;

public enum ResidenceStatus {
    LIVING_HERE, AWAY, LEFT, MOVED_OUT
}
