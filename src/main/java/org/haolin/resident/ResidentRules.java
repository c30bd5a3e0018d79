package org.haolin.resident;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules one roster line (column → text, as typed in Excel or WPS) must pass to become a resident:
 * normalised text, required fields, a valid document number, birth date and sex agreeing with a mainland
 * ID, a phone that is a phone, tags from the catalogue and a known residence status. Every problem names its
 * field, so a worker can find and fix it; no problem carries an ID number or phone.
 */
public final class ResidentRules {

    /** The area names a line gives, cleaned; the residential area is optional and only narrows the search. */
    public record AreaNames(String residentialArea, String compound, String building, String stairwell) {
    }

    /** The stairwell a line names, or why there is none (inside the person's scope). */
    public record Located(Long stairwellId, RowProblem problem) {

        public static Located at(long stairwellId) {
            return new Located(stairwellId, null);
        }

        public static Located notFound(RowProblem problem) {
            return new Located(null, problem);
        }
    }

    /** Resolves area names to a stairwell; the importer's implementation knows the person's scope. */
    @FunctionalInterface
    public interface StairwellFinder {
        Located find(AreaNames names);
    }

    /** A line that became a resident, or the problems that stop it. */
    public record Checked(NewResident resident, List<RowProblem> problems) {

        public Checked {
            problems = List.copyOf(problems);
        }

        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    static final int MAX_NAME = 60;
    static final int MAX_ROOM = 20;
    static final int MAX_NOTES = 1000;

    private static final Pattern SCIENTIFIC = Pattern.compile("\\d(\\.\\d+)?[eE]\\+?\\d+");
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,17}");
    private static final Pattern PERMIT = Pattern.compile("[A-Z0-9]{8,18}");
    private static final Pattern EIGHTEEN = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[T ].*)?");
    private static final Pattern DATE_DIGITS = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern SEVERAL = Pattern.compile("[/、，,;；|]");
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[,，、;；|\\n]+");
    private static final Pattern ROOM_SUFFIX = Pattern.compile("(室|号|房)$");

    private static final Map<String, IdType> ID_TYPES = words(Map.of(
            IdType.MAINLAND_ID, List.of("身份证", "居民身份证", "二代身份证", "身份证号", "mainland id", "id card",
                    "resident id", "mainland_id"),
            IdType.PASSPORT, List.of("护照", "外国护照", "passport"),
            IdType.HK_MACAU_PERMIT, List.of("港澳通行证", "港澳居民来往内地通行证", "回乡证", "港澳居民居住证",
                    "hk/macau permit", "hk macau permit", "hk_macau_permit"),
            IdType.TAIWAN_PERMIT, List.of("台胞证", "台湾居民来往大陆通行证", "台湾居民居住证", "taiwan permit",
                    "taiwan_permit")));

    private static final Map<String, ResidenceStatus> STATUSES = words(Map.of(
            ResidenceStatus.LIVING_HERE, List.of("在住", "居住", "常住", "现住", "住", "living here", "living",
                    "lives here", "living_here"),
            ResidenceStatus.AWAY, List.of("外出", "暂时外出", "不在", "暂离", "away"),
            ResidenceStatus.LEFT, List.of("离开", "已离开", "离沪", "离沪返乡", "left"),
            ResidenceStatus.MOVED_OUT, List.of("搬离", "已搬离", "迁出", "已迁出", "搬走", "moved out", "moved",
                    "moved_out")));

    private static final Map<String, String> SEXES = Map.of("男", "M", "男性", "M", "m", "M", "male", "M",
            "女", "F", "女性", "F", "f", "F", "female", "F");

    private final Map<String, String> tagCodes = new HashMap<>();

    /** Tags are matched by Chinese name, English name or code, in the active catalogue only. */
    public ResidentRules(Collection<Tag> catalogue) {
        for (Tag tag : catalogue) {
            if (tag.active()) {
                tagCodes.put(key(tag.code()), tag.code());
                tagCodes.put(key(tag.nameZh()), tag.code());
                tagCodes.put(key(tag.nameEn()), tag.code());
            }
        }
    }

    public Checked check(Map<ResidentField, String> row, StairwellFinder finder) {
        return new Line(row).check(finder);
    }

    /** One line being checked: collects every problem rather than stopping at the first. */
    private final class Line {

        private final Map<ResidentField, String> raw;
        private final List<RowProblem> problems = new ArrayList<>();

        Line(Map<ResidentField, String> raw) {
            this.raw = raw;
        }

        Checked check(StairwellFinder finder) {
            for (ResidentField field : ResidentField.values()) {
                if (looksGarbled(raw(field))) {
                    problem(field, "rules.text.garbled");
                }
            }
            String name = name();
            IdType idType = idType();
            String idNumber = idNumber(idType);
            MainlandIdNumber mainland = idType == IdType.MAINLAND_ID && idNumber != null
                    ? MainlandIdNumber.parse(idNumber) : null;
            LocalDate birthDate = birthDate(mainland);
            String sex = sex(mainland);
            String phone = phone();
            String room = room();
            List<String> tags = tags();
            ResidenceStatus status = status();
            String notes = notes();
            Long stairwellId = stairwell(finder);
            if (!problems.isEmpty()) {
                return new Checked(null, problems);
            }
            return new Checked(new NewResident(stairwellId, room, name, sex, birthDate, idType, idNumber, phone,
                    status, notes, tags), problems);
        }

        private String name() {
            String name = required(ResidentField.NAME);
            if (name == null) {
                return null;
            }
            if (name.length() > MAX_NAME) {
                problem(ResidentField.NAME, "rules.tooLong", String.valueOf(MAX_NAME));
            } else if (DIGIT.matcher(name).find()) {
                problem(ResidentField.NAME, "rules.name.digits");
            }
            return name;
        }

        private IdType idType() {
            String text = InputText.clean(raw(ResidentField.ID_TYPE));
            if (text.isEmpty()) {
                return IdType.MAINLAND_ID;
            }
            IdType type = ID_TYPES.get(key(text));
            if (type == null) {
                problem(ResidentField.ID_TYPE, "rules.idType.unknown", text);
                return null;
            }
            return type;
        }

        /** The document number, or null when it has a problem (which is then recorded). */
        private String idNumber(IdType type) {
            String text = raw(ResidentField.ID_NUMBER);
            if (text == null || InputText.clean(text).isEmpty()) {
                problem(ResidentField.ID_NUMBER, "rules.required");
                return null;
            }
            if (SCIENTIFIC.matcher(InputText.clean(text)).matches()) {
                problem(ResidentField.ID_NUMBER, "rules.idNumber.scientific");
                return null;
            }
            String value = InputText.idNumber(text);
            Optional<String> problem = type == null ? Optional.empty() : documentProblem(type, value);
            problem.ifPresent(key -> problem(ResidentField.ID_NUMBER, key));
            return problem.isPresent() || type == null ? null : value;
        }

        private LocalDate birthDate(MainlandIdNumber mainland) {
            String text = InputText.clean(raw(ResidentField.BIRTH_DATE));
            LocalDate given = text.isEmpty() ? null : date(text);
            if (!text.isEmpty() && given == null) {
                problem(ResidentField.BIRTH_DATE, "rules.birthDate.invalid", text);
            } else if (given != null && given.isAfter(LocalDate.now())) {
                problem(ResidentField.BIRTH_DATE, "rules.birthDate.future");
            } else if (given != null && mainland != null && !given.equals(mainland.birthDate())) {
                problem(ResidentField.BIRTH_DATE, "rules.birthDate.mismatch");
            }
            return mainland != null ? mainland.birthDate() : given;
        }

        private String sex(MainlandIdNumber mainland) {
            String text = InputText.clean(raw(ResidentField.SEX));
            String given = text.isEmpty() ? null : SEXES.get(text.toLowerCase(Locale.ROOT));
            if (!text.isEmpty() && given == null) {
                problem(ResidentField.SEX, "rules.sex.unknown", text);
            } else if (given != null && mainland != null && given.charAt(0) != mainland.sex()) {
                problem(ResidentField.SEX, "rules.sex.mismatch");
            }
            return mainland != null ? String.valueOf(mainland.sex()) : given;
        }

        private String phone() {
            String text = InputText.clean(raw(ResidentField.PHONE));
            if (text.isEmpty()) {
                return null;
            }
            String phone = InputText.phone(text);
            if (!InputText.isPhone(phone)) {
                boolean several = SEVERAL.matcher(text).find();
                problem(ResidentField.PHONE, several ? "rules.phone.several" : "rules.phone.invalid");
                return null;
            }
            return phone;
        }

        private String room() {
            String text = InputText.compact(raw(ResidentField.ROOM));
            String room = ROOM_SUFFIX.matcher(text).replaceFirst("");
            if (room.isEmpty()) {
                problem(ResidentField.ROOM, "rules.required");
                return null;
            }
            if (room.length() > MAX_ROOM) {
                problem(ResidentField.ROOM, "rules.tooLong", String.valueOf(MAX_ROOM));
            }
            return room;
        }

        private List<String> tags() {
            Set<String> codes = new LinkedHashSet<>();
            for (String word : TAG_SEPARATORS.split(InputText.clean(raw(ResidentField.TAGS)))) {
                String clean = InputText.clean(word);
                if (clean.isEmpty()) {
                    continue;
                }
                String code = tagCodes.get(key(clean));
                if (code == null) {
                    problem(ResidentField.TAGS, "rules.tag.unknown", clean);
                } else {
                    codes.add(code);
                }
            }
            return List.copyOf(codes);
        }

        private ResidenceStatus status() {
            String text = InputText.clean(raw(ResidentField.STATUS));
            if (text.isEmpty()) {
                return ResidenceStatus.LIVING_HERE;
            }
            ResidenceStatus status = STATUSES.get(key(text));
            if (status == null) {
                problem(ResidentField.STATUS, "rules.status.unknown", text);
            }
            return status;
        }

        private String notes() {
            String notes = InputText.clean(raw(ResidentField.NOTES));
            if (notes.length() > MAX_NOTES) {
                problem(ResidentField.NOTES, "rules.tooLong", String.valueOf(MAX_NOTES));
            }
            return notes.isEmpty() ? null : notes;
        }

        private Long stairwell(StairwellFinder finder) {
            String compound = required(ResidentField.COMPOUND);
            String building = required(ResidentField.BUILDING);
            String stairwell = required(ResidentField.STAIRWELL);
            if (compound == null || building == null || stairwell == null) {
                return null;
            }
            String residentialArea = InputText.clean(raw(ResidentField.RESIDENTIAL_AREA));
            Located located = finder.find(new AreaNames(residentialArea.isEmpty() ? null : residentialArea,
                    compound, building, stairwell));
            if (located.problem() != null) {
                problems.add(located.problem());
            }
            return located.stairwellId();
        }

        private String required(ResidentField field) {
            String text = InputText.clean(raw(field));
            if (text.isEmpty()) {
                problem(field, "rules.required");
                return null;
            }
            return text;
        }

        private String raw(ResidentField field) {
            return raw.get(field);
        }

        private void problem(ResidentField field, String key, String... args) {
            problems.add(RowProblem.of(field, key, args));
        }
    }

    /** Mainland numbers are checked in full; other documents loosely, since their formats vary by year. */
    static Optional<String> documentProblem(IdType type, String value) {
        return switch (type) {
            case MAINLAND_ID -> MainlandIdNumber.problem(value).map(p -> "rules.idNumber." + p.name());
            case PASSPORT -> PASSPORT.matcher(value).matches() ? Optional.empty()
                    : Optional.of("rules.idNumber.passport");
            case HK_MACAU_PERMIT, TAIWAN_PERMIT -> permitProblem(value);
        };
    }

    /** Permits: 8 to 18 letters and digits; an 18-digit residence-permit number must have a right check digit. */
    private static Optional<String> permitProblem(String value) {
        if (!PERMIT.matcher(value).matches()) {
            return Optional.of("rules.idNumber.permit");
        }
        if (EIGHTEEN.matcher(value).matches()
                && MainlandIdNumber.checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
            return Optional.of("rules.idNumber.CHECK_DIGIT");
        }
        return Optional.empty();
    }

    /** 1948-01-05, 1948/1/5, 1948.1.5, 1948年1月5日 or 19480105. */
    public static LocalDate date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            m = DATE_DIGITS.matcher(text);
            if (!m.matches()) {
                return null;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Text that went through the wrong character set on its way into the sheet: replacement characters,
     * control characters, or UTF-8 read as Latin-1 ("å¼ ä¸‰" for 张三).
     */
    static boolean looksGarbled(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return true;
            }
            if (c >= '\u00E0' && c <= '\u00EF' && i + 1 < text.length() && isContinuationAsText(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** A UTF-8 continuation byte (0x80-0xBF) shown as Latin-1 or Windows-1252. */
    private static boolean isContinuationAsText(char c) {
        return (c >= '\u00A0' && c <= '\u00BF') || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".indexOf(c) >= 0;
    }

    private static String key(String text) {
        return InputText.clean(text).toLowerCase(Locale.ROOT);
    }

    private static <T> Map<String, T> words(Map<T, List<String>> byValue) {
        Map<String, T> words = new HashMap<>();
        byValue.forEach((value, list) -> {
            words.put(key(value.toString()), value);
            list.forEach(w -> words.put(key(w), value));
        });
        return Map.copyOf(words);
    }
}
