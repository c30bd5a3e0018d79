package org.haolin.resident;

/** Identity documents: mainland ID numbers are validated; the others are accepted as given. */
public enum IdType {
    MAINLAND_ID, PASSPORT, HK_MACAU_PERMIT, TAIWAN_PERMIT
}
