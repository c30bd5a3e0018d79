package org.haolin.resident;

/** The fields of one roster line, as an import or a form names them. */
public enum ResidentField {
    NAME, SEX, ID_TYPE, ID_NUMBER, PHONE, BIRTH_DATE, RESIDENTIAL_AREA, COMPOUND, BUILDING, STAIRWELL, ROOM, TAGS,
    STATUS, NOTES;

    /** The field's name for readers: "rules.field.ID_NUMBER" is "身份证号" or "ID number". */
    public String messageKey() {
        return "rules.field." + name();
    }
}
