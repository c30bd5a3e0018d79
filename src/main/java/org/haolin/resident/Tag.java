package org.haolin.resident;

/** A catalogue entry. */
public record Tag(long id, String code, TagCategory category, String nameZh, String nameEn, boolean active) {

    public String name(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
