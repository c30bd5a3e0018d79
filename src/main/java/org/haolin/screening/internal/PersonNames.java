package org.haolin.screening.internal;

/** How a scanned person is shown at the station: enough to confirm who stands there, not their full name. */
public final class PersonNames {

    private PersonNames() {
    }

    /** 张*明 for 张晓明, 张* for 张明: first and last character kept, the rest starred. */
    public static String masked(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int[] chars = name.codePoints().toArray();
        if (chars.length == 1) {
            return "*";
        }
        if (chars.length == 2) {
            return new String(chars, 0, 1) + "*";
        }
        return new String(chars, 0, 1) + "*".repeat(chars.length - 2) + new String(chars, chars.length - 1, 1);
    }

    /** 5号楼 2单元 301. */
    public static String place(String building, String stairwell, String room) {
        return building + " " + stairwell + " " + room;
    }
}
