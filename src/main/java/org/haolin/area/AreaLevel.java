package org.haolin.area;

/** The levels of the jurisdiction tree, from the top. Households hang below stairwells by room. */
public enum AreaLevel {
    DISTRICT, TOWN, RESIDENTIAL_AREA, COMPOUND, BUILDING, STAIRWELL;

    public AreaLevel below() {
        return this == STAIRWELL ? null : values()[ordinal() + 1];
    }

    public boolean hasZoneLevel() {
        return this == COMPOUND || this == BUILDING;
    }
}
