package org.haolin.rota;

import java.util.List;

/** A person's coming days with their wishes; linked is false when the account is no workforce person. */
public record WishList(boolean linked, Long personId, String name, List<DayWish> days) {

    public WishList {
        days = List.copyOf(days);
    }
}
