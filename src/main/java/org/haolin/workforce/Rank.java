package org.haolin.workforce;

import java.util.Locale;

/** A rank of the workforce (处级, 科级, 青年干部, 书记, 主任, 社工); cadres are sent down from the town. */
public record Rank(String code, String nameZh, String nameEn, boolean cadre) {

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
