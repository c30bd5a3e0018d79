package org.haolin.resident;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a building or stairwell is named on a roster versus in the tree: "5号楼", "5幢", "5栋", "第五栋",
 * "Building 5" and "5" are all building 5; "2单元", "二单元" and "2" are all stairwell 2; "A座" is A.
 * Shared by whatever finds areas by the names people write (roster imports, key-group list addresses).
 */
public final class AreaNameKey {

    private static final Pattern NUMBERED = Pattern.compile(
            "^(?:第|building|bldg|block|unit|stairwell|no)?(.+?)(?:号楼|号门|单元|楼道|号|幢|栋|座|楼|门)?$");
    private static final String DIGITS = "零一二三四五六七八九";

    private AreaNameKey() {
    }

    /** Compounds and residential areas: the name itself, without spaces or case. */
    public static String name(String text) {
        return InputText.compact(text).toLowerCase(Locale.ROOT);
    }

    /** Buildings and stairwells: the number or letter that tells them apart. */
    public static String numbered(String text) {
        String name = name(text);
        Matcher m = NUMBERED.matcher(name);
        String core = m.matches() ? m.group(1) : name;
        if (core.chars().allMatch(Character::isDigit)) {
            return core.replaceFirst("^0+(?=\\d)", "");
        }
        Integer chinese = chineseNumber(core);
        return chinese == null ? core : String.valueOf(chinese);
    }

    /** 一 to 九百九十九 (with 〇/零 and 两): the numbers buildings and stairwells are given in words. */
    public static Integer chineseNumber(String text) {
        int total = 0;
        int digit = 0;
        for (char c : text.replace('〇', '零').replace('两', '二').toCharArray()) {
            int d = DIGITS.indexOf(c);
            if (d >= 0) {
                digit = d;
            } else if (c == '十') {
                total += (digit == 0 ? 1 : digit) * 10;
                digit = 0;
            } else if (c == '百') {
                total += digit * 100;
                digit = 0;
            } else {
                return null;
            }
        }
        return text.isEmpty() ? null : total + digit;
    }
}
