package org.haolin.keygroup;

import java.util.List;

/** For the cockpit: rows still waiting for a person in the viewer's scope, per list and per residential area. */
public record WaitingRows(List<PerList> lists, List<PerArea> areas) {

    public record PerList(long listId, String title, String tagCode, int waiting, int unmatched) {
    }

    public record PerArea(Long areaId, String areaName, int waiting, int unmatched) {
    }
}
