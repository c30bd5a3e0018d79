package org.haolin.resident;

import java.time.OffsetDateTime;

/** A tag on a resident: current when it has no end or its end lies ahead. */
public record CurrentTag(long assignmentId, String code, TagCategory category, String nameZh, String nameEn,
                         OffsetDateTime validFrom, OffsetDateTime validTo, TagSource source, String author,
                         OffsetDateTime endedAt) {

    public String name(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
