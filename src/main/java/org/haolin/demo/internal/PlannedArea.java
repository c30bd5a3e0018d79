package org.haolin.demo.internal;

import org.haolin.area.AreaLevel;

/** An area below the town, before it has an id: its parent is an earlier index, or -1 for the town itself. */
record PlannedArea(int parent, AreaLevel level, String name, String code, int sortKey) {
}
