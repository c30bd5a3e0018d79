package org.haolin.demo.internal;

import java.util.ArrayList;
import java.util.List;

/** A household as generated: its kind, whether it came from another province, and its members. */
final class Family {

    enum Kind { ELDER_ALONE, ADULT_ALONE, ELDER_COUPLE, COUPLE, PARENT_AND_CHILD, PARENTS_AND_CHILDREN, THREE_GENERATIONS }

    final int index;
    final Kind kind;
    final boolean migrant;
    final List<Person> members = new ArrayList<>(5);

    Family(int index, Kind kind, boolean migrant) {
        this.index = index;
        this.kind = kind;
        this.migrant = migrant;
    }
}
