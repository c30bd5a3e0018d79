package org.haolin.keygroup;

/** The columns of an office list. */
public enum ListField {
    NAME, ID_NUMBER, PHONE, ADDRESS, FROM, TO, STATUS;

    /** The field's name for readers: "keygroup.field.ID_NUMBER" is "身份证号" or "ID number". */
    public String messageKey() {
        return "keygroup.field." + name();
    }
}
