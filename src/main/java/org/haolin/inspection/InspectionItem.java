package org.haolin.inspection;

import java.util.Locale;

/** One item of the supervision checklist (防护标准落实, 门岗值守, ...), named in both languages. */
public record InspectionItem(String code, String nameZh, String nameEn) {

    public String name(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
