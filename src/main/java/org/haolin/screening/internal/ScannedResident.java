package org.haolin.screening.internal;

import org.haolin.screening.ScannedPerson;

/** A resident named by a scan: where they live (their stairwell) and how the station shows them. */
record ScannedResident(long id, long townId, long areaId, String areaPath, ScannedPerson shown) {
}
