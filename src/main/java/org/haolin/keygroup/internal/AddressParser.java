package org.haolin.keygroup.internal;

import org.haolin.resident.AreaNameKey;
import org.haolin.keygroup.ParsedAddress;
import org.haolin.resident.InputText;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an address as people write it (上海市奉贤区海湾镇星火一村５号楼二单元301室, 海湾路88弄5号301室,
 * 星火一村 5-2-301) into compound, building, stairwell and room. Administrative prefixes are peeled off from
 * the front (province, city, district, town, residents' committee, road with lane or door number); the rest
 * is read from the back: room, stairwell, building, and whatever stands before them is the compound.
 * It never refuses: what it cannot place is left in the compound text, which the matcher also searches.
 */
public final class AddressParser {

    /** Longer than any real address: the rest is not read (and cannot slow the patterns down). */
    static final int MAX_LENGTH = 200;

    private static final String BUILDING_MARK = "号楼|幢|栋|座|号|楼";
    private static final String STAIRWELL_MARK = "单元|楼道|号门|门";
    private static final String ROOM_MARK = "室|号|户|房";

    private static final Pattern BRACKETS = Pattern.compile("[(\\[【][^)\\]】]*[)\\]】]");
    private static final Pattern DASH = Pattern.compile("[—–_~/－]+|-{2,}");
    private static final Pattern SPACED_NUMBERS = Pattern.compile("(\\d)\\s+(?=\\d)");
    private static final Pattern CHINESE_NUMBER = Pattern.compile(
            "第?([零〇一二两三四五六七八九十百]+)(?=号楼|号门|号|幢|栋|座|单元|楼道|门|室|户|弄)");
    private static final Pattern ORDINAL = Pattern.compile("第(\\d+)(?=号楼|号|幢|栋|座|单元|楼道|门)");
    /** A floor written before the room (3楼301, 3层301): the room number carries the floor already. */
    private static final Pattern FLOOR = Pattern.compile("(?<=单元|楼道|号门|门|幢|栋|座|号楼)\\d{1,2}[楼层](?=\\d)");
    private static final Pattern THREE_PART = Pattern.compile("(\\d{1,4}|[A-Z])-(\\d{1,2})-(\\d{1,5}[A-Z]?)(?:室|号|户|房)?$");
    private static final Pattern TWO_PART = Pattern.compile("(\\d{1,4}|[A-Z])-(\\d{3,5}[A-Z]?)(?:室|号|户|房)?$");

    private static final Pattern COUNTRY = Pattern.compile("^中国");
    private static final Pattern PROVINCE = Pattern.compile("^\\D{2,7}?(?:省|自治区)");
    private static final Pattern CITY = Pattern.compile("^\\D{2,7}?市(?!场)");
    /** Districts and counties, but not 小区, 居民区, 社区 or 园区, which are places inside a town. */
    private static final Pattern DISTRICT = Pattern.compile("^\\D{1,6}?(?<![小民社园])(?:区|县)");
    private static final Pattern TOWN = Pattern.compile("^\\D{1,6}?(?:镇|街道|乡)");
    private static final Pattern RESIDENTIAL_AREA = Pattern.compile("^(\\D{1,8}?)(?:居民区|居委会|居委)");
    private static final Pattern ROAD = Pattern.compile("^(\\D{1,10}?(?:路|街|大道|公路|巷))(\\d{1,5})(弄|号)");

    private static final Pattern TAIL = Pattern.compile("^(?<compound>.*?)-?"
            + "(?:(?<building>\\d{1,4}|[A-Z])(?<buildingMark>" + BUILDING_MARK + "))?-?"
            + "(?:(?<stairwell>\\d{1,2}|[A-Z])(?:" + STAIRWELL_MARK + "))?-?"
            + "(?:(?<room>\\d{1,5}[A-Z]?)(?:" + ROOM_MARK + ")?)?-?$");

    private AddressParser() {
    }

    public static ParsedAddress parse(String address) {
        String text = normalise(address);
        if (text.isEmpty()) {
            return new ParsedAddress("", null, null, null, null, null, null);
        }
        Peeled peeled = new Peeled(text);
        String residentialArea = peeled.administrativePrefixes();
        String lane = peeled.road();
        return tail(text, residentialArea, lane, peeled.rest);
    }

    /** Full-width forms folded, brackets dropped, numbers in words and dashed numbers written out with marks. */
    static String normalise(String address) {
        String text = InputText.clean(address);
        text = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
        text = BRACKETS.matcher(text).replaceAll("");
        text = SPACED_NUMBERS.matcher(text).replaceAll("$1-");
        text = text.replace(" ", "").toUpperCase(Locale.ROOT);
        text = DASH.matcher(text).replaceAll("-");
        text = ORDINAL.matcher(text).replaceAll("$1");
        text = replaceChineseNumbers(text);
        text = FLOOR.matcher(text).replaceAll("");
        Matcher three = THREE_PART.matcher(text);
        if (three.find()) {
            return text.substring(0, three.start()) + three.group(1) + "号楼" + three.group(2) + "单元" + three.group(3) + "室";
        }
        Matcher two = TWO_PART.matcher(text);
        if (two.find()) {
            return text.substring(0, two.start()) + two.group(1) + "号楼" + two.group(2) + "室";
        }
        return text;
    }

    /** 五号楼 → 5号楼, 十二幢 → 12幢, 三零一室 → 301室 (digit by digit when there is no 十 or 百). */
    private static String replaceChineseNumbers(String text) {
        Matcher m = CHINESE_NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String words = m.group(1);
            String number = words.contains("十") || words.contains("百") ? String.valueOf(AreaNameKey.chineseNumber(words))
                    : digits(words);
            m.appendReplacement(out, number == null || "null".equals(number) ? m.group() : number);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String digits(String words) {
        StringBuilder out = new StringBuilder(words.length());
        for (char c : words.toCharArray()) {
            Integer d = AreaNameKey.chineseNumber(String.valueOf(c));
            out.append(d == null ? 0 : d);
        }
        return out.toString();
    }

    private static ParsedAddress tail(String text, String residentialArea, String lane, String rest) {
        Matcher m = TAIL.matcher(rest);
        if (!m.matches()) {
            return new ParsedAddress(text, residentialArea, blankToNull(rest), lane, null, null, null);
        }
        String building = m.group("building");
        String stairwell = m.group("stairwell");
        String room = m.group("room");
        // "星火一村301号": a lone number marked 号 with three digits or more is a room, not a building.
        if (building != null && stairwell == null && room == null && "号".equals(m.group("buildingMark"))
                && building.length() >= 3) {
            room = building;
            building = null;
        }
        return new ParsedAddress(text, residentialArea, blankToNull(trimDashes(m.group("compound"))), lane, building,
                stairwell, room);
    }

    private static String trimDashes(String text) {
        return text.replaceAll("^-+|-+$", "");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The address with its administrative prefixes taken off, one kind after the other. */
    private static final class Peeled {

        private String rest;

        Peeled(String text) {
            this.rest = text;
        }

        /** Takes off country, province, city, district and town; returns a residents' committee named next. */
        String administrativePrefixes() {
            for (Pattern prefix : new Pattern[] {COUNTRY, PROVINCE, CITY, DISTRICT, TOWN}) {
                peel(prefix);
            }
            Matcher m = RESIDENTIAL_AREA.matcher(rest);
            if (m.find() && m.end() < rest.length()) {
                rest = rest.substring(m.end());
                return m.group(1) + "居民区";
            }
            return null;
        }

        /** Takes off a road with its lane (the lane is returned: it names a compound) or its door number. */
        String road() {
            Matcher m = ROAD.matcher(rest);
            if (!m.find()) {
                return null;
            }
            String after = rest.substring(m.end());
            if ("弄".equals(m.group(3))) {
                rest = after;
                return m.group(1) + m.group(2) + "弄";
            }
            if (!after.isEmpty() && !Character.isDigit(after.charAt(0))) {
                rest = after; // 海湾路100号星火一村…: the door number of the compound's gate
            }
            return null;
        }

        private void peel(Pattern prefix) {
            Matcher m = prefix.matcher(rest);
            if (m.find() && m.end() < rest.length()) {
                rest = rest.substring(m.end());
            }
        }
    }
}
