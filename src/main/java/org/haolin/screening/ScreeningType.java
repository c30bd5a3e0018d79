package org.haolin.screening;

import java.util.Locale;

/** A kind of screening (nucleic acid, antigen, ...) with its default number of people per tube. */
public record ScreeningType(String code, String nameZh, String nameEn, int tubeSize) {

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
