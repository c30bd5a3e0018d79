package org.haolin.wish;

/** An organisation that claims wishes from the board. */
public record ClaimerOrg(long id, long townId, String name, Type type) {

    public enum Type {
        GOVERNMENT, SOCIAL, MARKET
    }
}
