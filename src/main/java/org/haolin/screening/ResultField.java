package org.haolin.screening;

/** The fields of a result row, for naming what is wrong in which row. */
public enum ResultField {
    TUBE_CODE, RESULT
}
