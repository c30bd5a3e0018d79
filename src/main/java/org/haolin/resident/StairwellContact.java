package org.haolin.resident;

import java.util.Optional;

/**
 * The hotline contact a stairwell list shows, answered by the hotline module (which depends on this one, never
 * the other way round). Without an implementation no stairwell has one.
 */
public interface StairwellContact {

    Optional<Contact> of(long townId, long stairwellId);

    /** A name and the phone as shown (masked). */
    record Contact(String name, String phoneMasked) {
    }

    StairwellContact NONE = (townId, stairwellId) -> Optional.empty();
}
