package org.haolin.keygroup;

/** Which part of a row found its resident. */
public enum MatchedBy {
    ID_NUMBER, PHONE, NAME_ADDRESS
}
