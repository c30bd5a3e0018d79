package org.haolin.resident;

import org.haolin.resident.ResidentRules.Checked;
import org.haolin.resident.ResidentRules.Located;
import org.haolin.resident.ResidentRules.StairwellFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules a roster line from Excel or WPS must pass, on lines as people really type them. */
class ResidentRulesTests {

    /** GB 11643-1999's own example: 广东 1880-01-01, male, check digit 4. */
    static final String STANDARD_EXAMPLE = "440524188001010014";
    /** A widely used valid example ending in X: 北京朝阳 1949-12-31, female. */
    static final String ENDS_IN_X = "11010519491231002X";
    static final String ZHANG = MainlandIdNumber.compose("310120", LocalDate.of(1948, 3, 5), 11);   // male
    static final String LI = MainlandIdNumber.compose("310120", LocalDate.of(1952, 11, 20), 24);    // female

    static final List<Tag> CATALOGUE = List.of(
            new Tag(1, "MINIMUM_LIVING_ALLOWANCE", TagCategory.HARDSHIP, "低保", "Minimum living allowance", true),
            new Tag(2, "ELDERLY_80_LIVING_ALONE", TagCategory.HARDSHIP, "80岁以上高龄独居老人", "Aged 80+ living alone", true),
            new Tag(3, "DISPERSED_EXTREMELY_POOR", TagCategory.HARDSHIP, "特困供养人员(分散)", "Dispersed extremely poor", true),
            new Tag(4, "MEDICAL_STAFF", TagCategory.OCCUPATION, "医护人员", "Medical staff", true),
            new Tag(5, "RETIRED_TAG", TagCategory.STATUS, "旧标签", "Retired tag", false));

    /** 星火一村 5号楼 2单元 is stairwell 77; anything else is not found. */
    static final StairwellFinder FINDER = names ->
            names.compound().equals("星火一村") && names.building().equals("5号楼") && names.stairwell().equals("2单元")
                    ? Located.at(77)
                    : Located.notFound(RowProblem.of(ResidentField.COMPOUND, "import.area.compoundNotFound", names.compound()));

    final ResidentRules rules = new ResidentRules(CATALOGUE);

    static Map<ResidentField, String> line(String name, String idNumber) {
        Map<ResidentField, String> row = new EnumMap<>(ResidentField.class);
        row.put(ResidentField.NAME, name);
        row.put(ResidentField.ID_NUMBER, idNumber);
        row.put(ResidentField.COMPOUND, "星火一村");
        row.put(ResidentField.BUILDING, "5号楼");
        row.put(ResidentField.STAIRWELL, "2单元");
        row.put(ResidentField.ROOM, "301");
        return row;
    }

    Checked check(Map<ResidentField, String> row) {
        return rules.check(row, FINDER);
    }

    static List<String> keys(Checked checked) {
        return checked.problems().stream().map(p -> p.field() + " " + p.messageKey()).toList();
    }

    @Test
    void aPlainLineBecomesAResidentWithSexAndBirthDateFromTheId() {
        Checked checked = check(line("张建国", ZHANG));

        assertThat(checked.accepted()).isTrue();
        NewResident r = checked.resident();
        assertThat(r.stairwellId()).isEqualTo(77);
        assertThat(r.name()).isEqualTo("张建国");
        assertThat(r.sex()).isEqualTo("M");
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1948, 3, 5));
        assertThat(r.idType()).isEqualTo(IdType.MAINLAND_ID);
        assertThat(r.status()).isEqualTo(ResidenceStatus.LIVING_HERE);
        assertThat(r.phone()).isNull();
        assertThat(r.tagCodes()).isEmpty();
    }

    @Test
    void theStandardsOwnExamplesAreValid() {
        assertThat(MainlandIdNumber.checkCharacter(STANDARD_EXAMPLE.substring(0, 17))).isEqualTo('4');
        assertThat(keys(check(line("李四", STANDARD_EXAMPLE))))
                .as("born 1880: a valid number, but nobody alive").containsExactly("ID_NUMBER rules.idNumber.BIRTH_DATE");
        Checked x = check(line("王五", ENDS_IN_X.toLowerCase()));
        assertThat(x.accepted()).isTrue();
        assertThat(x.resident().idNumber()).isEqualTo(ENDS_IN_X);
        assertThat(x.resident().sex()).isEqualTo("F");
    }

    @Test
    void fullWidthCharactersAndStraySpacesFromWpsAreNormalised() {
        String fullWidthId = toFullWidth(ZHANG.substring(0, 6)) + " " + ZHANG.substring(6, 14) + "\u3000" + ZHANG.substring(14);
        Map<ResidentField, String> row = line("\u00A0张 建国 ", fullWidthId);
        row.put(ResidentField.PHONE, "＋８６ １３８-００１３-８０００");
        row.put(ResidentField.ROOM, " ３０１室 ");
        row.put(ResidentField.SEX, " 男 ");

        Checked checked = check(row);

        assertThat(keys(checked)).isEmpty();
        assertThat(checked.resident().idNumber()).isEqualTo(ZHANG);
        assertThat(checked.resident().name()).isEqualTo("张 建国");
        assertThat(checked.resident().phone()).isEqualTo("13800138000");
        assertThat(checked.resident().room()).isEqualTo("301");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "31012019480305001,  rules.idNumber.LENGTH",
            "3101201948030500111, rules.idNumber.LENGTH",
            "31012019480305O011, rules.idNumber.CHARACTERS",
            "010120194803050011, rules.idNumber.REGION",
            "310020194803050011, rules.idNumber.REGION",
            "310120194802300011, rules.idNumber.BIRTH_DATE",
            "310120299901010011, rules.idNumber.BIRTH_DATE",
            "3.10120194803051E+17, rules.idNumber.scientific",
    })
    void badIdNumbersAreNamed(String idNumber, String key) {
        assertThat(keys(check(line("张建国", idNumber)))).containsExactly("ID_NUMBER " + key);
    }

    @Test
    void aMistypedDigitFailsTheCheckDigit() {
        String mistyped = ZHANG.substring(0, 15) + (ZHANG.charAt(15) == '3' ? '5' : '3') + ZHANG.substring(16);
        assertThat(keys(check(line("张建国", mistyped)))).containsExactly("ID_NUMBER rules.idNumber.CHECK_DIGIT");
    }

    @Test
    void requiredFieldsAreAllReportedAtOnce() {
        Map<ResidentField, String> row = new EnumMap<>(ResidentField.class);
        row.put(ResidentField.NAME, "  ");
        row.put(ResidentField.PHONE, "13800138000");

        assertThat(keys(check(row))).containsExactlyInAnyOrder(
                "NAME rules.required", "ID_NUMBER rules.required", "COMPOUND rules.required",
                "BUILDING rules.required", "STAIRWELL rules.required", "ROOM rules.required");
    }

    @Test
    void birthDateAndSexInTheRowMustAgreeWithTheId() {
        Map<ResidentField, String> row = line("李秀英", LI);
        row.put(ResidentField.SEX, "女");
        row.put(ResidentField.BIRTH_DATE, "1952年11月20日");
        assertThat(keys(check(row))).isEmpty();

        row.put(ResidentField.BIRTH_DATE, "1952/11/20");
        assertThat(keys(check(row))).isEmpty();
        row.put(ResidentField.BIRTH_DATE, "19521120");
        assertThat(keys(check(row))).isEmpty();

        row.put(ResidentField.SEX, "男");
        row.put(ResidentField.BIRTH_DATE, "1952-11-21");
        assertThat(keys(check(row))).containsExactlyInAnyOrder("SEX rules.sex.mismatch", "BIRTH_DATE rules.birthDate.mismatch");

        row.put(ResidentField.SEX, "未知");
        row.put(ResidentField.BIRTH_DATE, "去年");
        assertThat(check(row).problems()).extracting(RowProblem::messageKey, RowProblem::args).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("rules.sex.unknown", List.of("未知")),
                org.assertj.core.groups.Tuple.tuple("rules.birthDate.invalid", List.of("去年")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"13800138000", "+8613912345678", "8615000001111", "021-57123456", "0571 8888 1234"})
    void phonesInTheirUsualShapesAreTaken(String phone) {
        Map<ResidentField, String> row = line("王芳", LI);
        row.put(ResidentField.PHONE, phone);
        assertThat(keys(check(row))).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1380013800|rules.phone.invalid",
            "12800138000|rules.phone.invalid",
            "无|rules.phone.invalid",
            "13800138000/13900139000|rules.phone.several",
            "13800138000、021-57123456|rules.phone.several"})
    void badPhonesAreNamed(String phone, String key) {
        Map<ResidentField, String> row = line("王芳", LI);
        row.put(ResidentField.PHONE, phone);
        assertThat(keys(check(row))).containsExactly("PHONE " + key);
    }

    @Test
    void otherDocumentsAreCheckedLoosely() {
        Map<ResidentField, String> passport = line("John Smith", "e12345678");
        passport.put(ResidentField.ID_TYPE, "护照");
        Checked p = check(passport);
        assertThat(keys(p)).isEmpty();
        assertThat(p.resident().idType()).isEqualTo(IdType.PASSPORT);
        assertThat(p.resident().idNumber()).isEqualTo("E12345678");
        assertThat(p.resident().sex()).isNull();

        Map<ResidentField, String> hk = line("陈大文", "H12345678");
        hk.put(ResidentField.ID_TYPE, "港澳居民来往内地通行证");
        hk.put(ResidentField.SEX, "男");
        hk.put(ResidentField.BIRTH_DATE, "1980-05-01");
        Checked h = check(hk);
        assertThat(keys(h)).isEmpty();
        assertThat(h.resident().idType()).isEqualTo(IdType.HK_MACAU_PERMIT);
        assertThat(h.resident().sex()).isEqualTo("M");
        assertThat(h.resident().birthDate()).isEqualTo(LocalDate.of(1980, 5, 1));

        Map<ResidentField, String> tw = line("林志明", "01234567");
        tw.put(ResidentField.ID_TYPE, "Taiwan permit");
        assertThat(check(tw).resident().idType()).isEqualTo(IdType.TAIWAN_PERMIT);

        Map<ResidentField, String> badPassport = line("John Smith", "E12");
        badPassport.put(ResidentField.ID_TYPE, "passport");
        assertThat(keys(check(badPassport))).containsExactly("ID_NUMBER rules.idNumber.passport");

        Map<ResidentField, String> badPermit = line("陈大文", "H123");
        badPermit.put(ResidentField.ID_TYPE, "回乡证");
        assertThat(keys(check(badPermit))).containsExactly("ID_NUMBER rules.idNumber.permit");

        Map<ResidentField, String> unknown = line("陈大文", "H12345678");
        unknown.put(ResidentField.ID_TYPE, "军官证");
        assertThat(keys(check(unknown))).containsExactly("ID_TYPE rules.idType.unknown");
    }

    @Test
    void anEighteenDigitResidencePermitNeedsItsCheckDigit() {
        String permit = MainlandIdNumber.compose("810000", LocalDate.of(1985, 7, 1), 13);
        Map<ResidentField, String> row = line("陈大文", permit);
        row.put(ResidentField.ID_TYPE, "港澳居民居住证");
        assertThat(keys(check(row))).isEmpty();

        row.put(ResidentField.ID_NUMBER, permit.substring(0, 17) + (permit.charAt(17) == '1' ? '2' : '1'));
        assertThat(keys(check(row))).containsExactly("ID_NUMBER rules.idNumber.CHECK_DIGIT");
    }

    @Test
    void tagsMatchByChineseOrEnglishNameOrCode() {
        Map<ResidentField, String> row = line("张建国", ZHANG);
        row.put(ResidentField.TAGS, "低保、Medical staff, elderly_80_living_alone；特困供养人员（分散） 、低保");

        Checked checked = check(row);

        assertThat(keys(checked)).isEmpty();
        assertThat(checked.resident().tagCodes()).containsExactly("MINIMUM_LIVING_ALLOWANCE", "MEDICAL_STAFF",
                "ELDERLY_80_LIVING_ALONE", "DISPERSED_EXTREMELY_POOR");
    }

    @Test
    void unknownAndRetiredTagsAreNamed() {
        Map<ResidentField, String> row = line("张建国", ZHANG);
        row.put(ResidentField.TAGS, "低保，独居, 旧标签");

        assertThat(check(row).problems()).extracting(RowProblem::messageKey, RowProblem::args).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rules.tag.unknown", List.of("独居")),
                org.assertj.core.groups.Tuple.tuple("rules.tag.unknown", List.of("旧标签")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"在住, LIVING_HERE", "外出, AWAY", "离沪, LEFT", "已搬离, MOVED_OUT", "Moved out, MOVED_OUT",
            "living here, LIVING_HERE", "AWAY, AWAY", "'', LIVING_HERE"})
    void residenceStatusWordsInChineseAndEnglish(String word, ResidenceStatus status) {
        Map<ResidentField, String> row = line("张建国", ZHANG);
        row.put(ResidentField.STATUS, word);
        assertThat(check(row).resident().status()).isEqualTo(status);
    }

    @Test
    void anUnknownStatusIsNamed() {
        Map<ResidentField, String> row = line("张建国", ZHANG);
        row.put(ResidentField.STATUS, "出国");
        assertThat(keys(check(row))).containsExactly("STATUS rules.status.unknown");
    }

    @Test
    void garbledTextFromAWrongEncodingIsRefused() {
        String utf8ReadAsLatin1 = new String("张三".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String gbkReadAsUtf8 = new String("张三".getBytes(java.nio.charset.Charset.forName("GBK")), StandardCharsets.UTF_8);

        assertThat(keys(check(line(utf8ReadAsLatin1, ZHANG)))).contains("NAME rules.text.garbled");
        assertThat(keys(check(line(gbkReadAsUtf8, ZHANG)))).contains("NAME rules.text.garbled");
        assertThat(keys(check(line("Hélène Dupont", LI)))).isEmpty();
    }

    @Test
    void namesWithDigitsSuggestShiftedColumns() {
        assertThat(keys(check(line("13800138000", ZHANG)))).containsExactly("NAME rules.name.digits");
    }

    @Test
    void lengthsAreLimited() {
        Map<ResidentField, String> row = line("张".repeat(61), ZHANG);
        row.put(ResidentField.ROOM, "1".repeat(21));
        row.put(ResidentField.NOTES, "备".repeat(1001));
        assertThat(keys(check(row))).containsExactlyInAnyOrder("NAME rules.tooLong", "ROOM rules.tooLong",
                "NOTES rules.tooLong");
    }

    @Test
    void anAreaTheFinderDoesNotKnowIsTheFindersProblem() {
        Map<ResidentField, String> row = line("张建国", ZHANG);
        row.put(ResidentField.COMPOUND, "海韵苑");
        Checked checked = check(row);
        assertThat(checked.problems()).extracting(RowProblem::messageKey, RowProblem::args)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("import.area.compoundNotFound", List.of("海韵苑")));
    }

    @Test
    void problemsNeverCarryTheIdNumberOrPhone() {
        Map<ResidentField, String> row = line("张建国", ZHANG.substring(0, 17) + "0");
        row.put(ResidentField.PHONE, "1380013800");
        check(row).problems().forEach(p -> assertThat(p.args()).noneMatch(a -> a.contains("1380013800")
                || a.contains(ZHANG.substring(0, 17))));
    }

    private static String toFullWidth(String digits) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(c -> out.append((char) (c - '0' + '０')));
        return out.toString();
    }
}
