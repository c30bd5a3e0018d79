package org.haolin.rota;

/** One rank substitution rule: a cadre of the substitute rank may stand in for a seat holder of the covered rank. */
public record RankPair(String substitute, String covered) {

    /** From the page's checkbox value "SUBSTITUTE:COVERED"; anything else gives a pair naming the raw text. */
    public static RankPair parse(String value) {
        int colon = value.indexOf(':');
        return colon < 0 ? new RankPair(value, "") : new RankPair(value.substring(0, colon), value.substring(colon + 1));
    }

    public String value() {
        return substitute + ":" + covered;
    }
}
