package org.haolin.roster.internal;

import org.haolin.resident.AreaNameKey;
import org.haolin.resident.ResidentField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How rosters name buildings, stairwells and columns, against how Haolin names them. */
class RosterNamesTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"5号楼, 5", "5幢, 5", "5栋, 5", "5, 5", "05号楼, 5", "第五栋, 5", "Building 5, 5", "５号楼, 5",
            "十二号楼, 12", "二十三幢, 23", "一百零五号楼, 105", "A座, a", "b栋, b",
            "2单元, 2", "2, 2", "二单元, 2", "2号门, 2", "Unit 2, 2", "2楼道, 2", "两单元, 2"})
    void buildingsAndStairwellsAreKnownByTheirNumberOrLetter(String name, String key) {
        assertThat(AreaNameKey.numbered(name)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"姓名, NAME", " 姓 名 , NAME", "*姓名, NAME", "姓名(必填), NAME", "姓名（必填）, NAME", "身份证号码, ID_NUMBER",
            "证件号码, ID_NUMBER", "ID Number, ID_NUMBER", "id no., ID_NUMBER", "联系电话, PHONE", "楼栋, BUILDING",
            "楼道, STAIRWELL", "房号, ROOM", "ＲＯＯＭ, ROOM", "Residence Status, STATUS", "居委, RESIDENTIAL_AREA"})
    void headersMatchWhateverTheSpacingWidthOrCase(String header, ResidentField field) {
        assertThat(RosterColumns.field(header)).isEqualTo(field);
    }

    @ParameterizedTest
    @CsvSource({"序号", "家庭住址", "''"})
    void otherColumnsAreNotRead(String header) {
        assertThat(RosterColumns.field(header)).isNull();
    }
}
