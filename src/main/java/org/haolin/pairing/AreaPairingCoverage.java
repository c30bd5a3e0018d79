package org.haolin.pairing;

/** One residential area: residents who must be paired (listed), those paired and those still unpaired. */
public record AreaPairingCoverage(long areaId, String areaName, int listed, int paired) {

    public int unpaired() {
        return listed - paired;
    }
}
