package org.haolin.rota;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One shift of a rota: a post's slot (label = compound and post) or a worker's seat (label = the holder), who fills
 * it (null: uncovered) and whether a seat is covered by a substitute.
 */
public record RotaShift(long id, long rotaId, LocalDate day, String kind, Long postId, int slot, Long seatPersonId,
                        String label, LocalTime startsAt, LocalTime endsAt, Long personId, String personName,
                        boolean substitute) {

    public boolean uncovered() {
        return personId == null;
    }

    /** The row of the grid this shift sits in: one per post slot, one per seat. */
    public String row() {
        return kind.equals("POST") ? "P" + postId + "/" + slot : "S" + seatPersonId;
    }
}
