package org.haolin.rota;

import java.time.LocalDate;
import java.util.List;

/**
 * A swap request was made, approved or refused: both people (their accounts) hear of it. state is REQUESTED,
 * APPROVED or REFUSED; refusalKey says why a refusal was made (a broken rule's key or the staff's refusal).
 */
public record ShiftSwapDecided(long townId, long swapId, long rotaId, long areaId, String areaPath, LocalDate day,
                               String state, String refusalKey, List<Long> accountIds) {

    public ShiftSwapDecided {
        accountIds = List.copyOf(accountIds);
    }
}
