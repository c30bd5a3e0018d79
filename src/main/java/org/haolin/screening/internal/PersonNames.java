package org.haolin.screening.internal;

/** How a scanned person is shown at the station: enough to confirm who stands there, not their full name. */
public final class PersonNames {

    private PersonNames() {
    }

    /** 5号楼 2单元 301. */
    public static String place(String building, String stairwell, String room) {
        return building + " " + stairwell + " " + room;
    }
}
