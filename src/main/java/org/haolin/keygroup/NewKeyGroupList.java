package org.haolin.keygroup;

import java.util.List;

/**
 * A list the office pushes: its own reference (the same reference pushed again finds the first list; without
 * one the content decides), the category (a key-group tag code), a title, and the rows. The town may be left
 * out when the office serves one town only.
 */
public record NewKeyGroupList(String reference, String tagCode, String title, Long townId, List<NewKeyGroupRow> rows) {

    public NewKeyGroupList {
        rows = rows == null ? List.of() : rows;
    }
}
