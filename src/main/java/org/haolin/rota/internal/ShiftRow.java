package org.haolin.rota.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One slot as a rota keeps it (or as the plans give it before solving): for a post, its label and members; for a
 * seat, the holder. The area is the post's compound or the holder's residential area. personId is who fills it
 * now (null: nobody).
 */
public record ShiftRow(Long shiftId, long areaId, String areaPath, LocalDate day, SlotKind kind, Long postId,
                       int slotNo, Long seatPersonId, String label, LocalTime start, LocalTime end,
                       List<Long> memberIds, Long personId) {

    public ShiftRow {
        memberIds = List.copyOf(memberIds);
    }
}
