package org.haolin.workforce;

import java.util.Locale;

/** One item of the protection standard (防护标准) confirmed at the start of a shift. */
public record ProtectionItem(String code, String nameZh, String nameEn) {

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
