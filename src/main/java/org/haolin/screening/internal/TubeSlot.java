package org.haolin.screening.internal;

import org.haolin.screening.TubeState;

/** A tube while a batch fills it: the batch's own count, written back once at the end. */
final class TubeSlot {

    final Long id;
    final long campaignId;
    final long pointId;
    final String code;
    final int capacity;
    int people;
    boolean closed;
    final boolean isNew;
    boolean touched;

    TubeSlot(Long id, long campaignId, long pointId, String code, int capacity, int people, boolean closed,
             boolean isNew) {
        this.id = id;
        this.campaignId = campaignId;
        this.pointId = pointId;
        this.code = code;
        this.capacity = capacity;
        this.people = people;
        this.closed = closed;
        this.isNew = isNew;
    }

    boolean full() {
        return people >= capacity;
    }

    /** Puts one sample in; a tube closes itself when it reaches its capacity. */
    void add() {
        people++;
        closed = people >= capacity;
        touched = true;
    }

    TubeState state() {
        return new TubeState(code, people, capacity, closed);
    }
}
