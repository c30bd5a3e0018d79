package org.haolin.resident;

/**
 * A search within scope. Text matches a name (prefix), the last 4 of an ID number or phone, or a room;
 * tag narrows to residents currently carrying that tag; area narrows to one subtree.
 */
public record ResidentQuery(String text, String tagCode, Long areaId, int limit) {

    public ResidentQuery {
        limit = limit <= 0 || limit > 200 ? 50 : limit;
    }
}
