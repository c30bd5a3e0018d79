package org.haolin.plan;

import java.util.Locale;

/** A kind of duty post (sampling, gate duty, ...), named in the reader's language. */
public record PostType(String code, String nameZh, String nameEn) {

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
