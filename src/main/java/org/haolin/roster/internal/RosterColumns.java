package org.haolin.roster.internal;

import org.haolin.resident.InputText;
import org.haolin.resident.ResidentField;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which column of a roster holds which field, from the header texts people actually use in Excel and WPS,
 * in Chinese or English. Matching ignores spaces, full-width forms, case and "*" or "(必填)" marks.
 */
public final class RosterColumns {

    public static final Set<ResidentField> REQUIRED = EnumSet.of(ResidentField.NAME, ResidentField.ID_NUMBER,
            ResidentField.COMPOUND, ResidentField.BUILDING, ResidentField.STAIRWELL, ResidentField.ROOM);

    /** The template's headers, in order: the first alias of each field is what the template writes. */
    public static final List<ResidentField> TEMPLATE_ORDER = List.of(ResidentField.NAME, ResidentField.SEX,
            ResidentField.ID_NUMBER, ResidentField.ID_TYPE, ResidentField.PHONE, ResidentField.BIRTH_DATE,
            ResidentField.COMPOUND, ResidentField.BUILDING, ResidentField.STAIRWELL, ResidentField.ROOM,
            ResidentField.TAGS, ResidentField.STATUS, ResidentField.NOTES);

    private static final Map<ResidentField, List<String>> CHINESE = new EnumMap<>(Map.ofEntries(
            Map.entry(ResidentField.NAME, List.of("姓名", "名字", "居民姓名")),
            Map.entry(ResidentField.SEX, List.of("性别")),
            Map.entry(ResidentField.ID_NUMBER, List.of("身份证号", "身份证号码", "证件号码", "证件号", "身份证")),
            Map.entry(ResidentField.ID_TYPE, List.of("证件类型", "证件种类")),
            Map.entry(ResidentField.PHONE, List.of("手机号", "手机号码", "联系电话", "电话", "手机", "联系方式")),
            Map.entry(ResidentField.BIRTH_DATE, List.of("出生日期", "出生年月日", "生日")),
            Map.entry(ResidentField.RESIDENTIAL_AREA, List.of("居民区", "居委", "居委会")),
            Map.entry(ResidentField.COMPOUND, List.of("小区", "小区名称")),
            Map.entry(ResidentField.BUILDING, List.of("楼号", "楼栋", "楼栋号", "幢号", "楼")),
            Map.entry(ResidentField.STAIRWELL, List.of("单元", "楼道", "单元号", "楼道号")),
            Map.entry(ResidentField.ROOM, List.of("室号", "房号", "房间号", "门牌号", "室")),
            Map.entry(ResidentField.TAGS, List.of("标签", "人员类别")),
            Map.entry(ResidentField.STATUS, List.of("居住状态", "状态")),
            Map.entry(ResidentField.NOTES, List.of("备注", "说明"))));

    private static final Map<ResidentField, List<String>> ENGLISH = new EnumMap<>(Map.ofEntries(
            Map.entry(ResidentField.NAME, List.of("name", "full name")),
            Map.entry(ResidentField.SEX, List.of("sex", "gender")),
            Map.entry(ResidentField.ID_NUMBER, List.of("id number", "id no", "id card number", "document number")),
            Map.entry(ResidentField.ID_TYPE, List.of("id type", "document type")),
            Map.entry(ResidentField.PHONE, List.of("phone", "mobile", "phone number", "telephone")),
            Map.entry(ResidentField.BIRTH_DATE, List.of("birth date", "date of birth", "birthday")),
            Map.entry(ResidentField.RESIDENTIAL_AREA, List.of("residential area")),
            Map.entry(ResidentField.COMPOUND, List.of("compound")),
            Map.entry(ResidentField.BUILDING, List.of("building")),
            Map.entry(ResidentField.STAIRWELL, List.of("stairwell", "unit")),
            Map.entry(ResidentField.ROOM, List.of("room", "room number")),
            Map.entry(ResidentField.TAGS, List.of("tags", "tag")),
            Map.entry(ResidentField.STATUS, List.of("status", "residence status")),
            Map.entry(ResidentField.NOTES, List.of("notes", "note", "remarks"))));

    private static final Map<String, ResidentField> BY_HEADER = new HashMap<>();

    static {
        CHINESE.forEach((field, names) -> names.forEach(n -> BY_HEADER.put(key(n), field)));
        ENGLISH.forEach((field, names) -> names.forEach(n -> BY_HEADER.put(key(n), field)));
    }

    private RosterColumns() {
    }

    /** The field a header names, or null for a column Haolin does not read (it is kept, not refused). */
    public static ResidentField field(String header) {
        return header == null ? null : BY_HEADER.get(key(header));
    }

    /** The header a person would write for a field: the template's Chinese one, or the English one. */
    public static String header(ResidentField field, Locale locale) {
        return ("zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH).get(field).getFirst();
    }

    static String key(String header) {
        return InputText.compact(header).toLowerCase(Locale.ROOT)
                .replace("(必填)", "").replace("(选填)", "").replace("(required)", "")
                .replace("*", "").replace(":", "").replace(".", "");
    }
}
