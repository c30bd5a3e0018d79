package org.haolin.keygroup;

import org.haolin.keygroup.internal.AddressParser;

/**
 * A free-text address as the office writes it, split into the parts the area tree knows. Every part may be
 * missing. Building and stairwell are the number or letter that tells them apart ("5", "A"), the room
 * without its 室; {@code text} is the whole address cleaned, kept for finding compound names inside it.
 *
 * @param residentialArea a residents' committee named in the address (星火居民区), or null
 * @param compound        the text standing where the compound's name stands, or null
 * @param lane            a road and lane (海湾路88弄), which in Shanghai names a compound, or null
 */
public record ParsedAddress(String text, String residentialArea, String compound, String lane, String building,
                            String stairwell, String room) {

    public static ParsedAddress parse(String address) {
        return AddressParser.parse(address);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
