package org.haolin.keygroup.internal;

import org.haolin.keygroup.ParsedAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Addresses as the epidemic office's lists write them, split into compound, building, stairwell and room. */
class AddressParserTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            海湾镇星火一村5号楼2单元301室                    | 星火一村     | 5  | 2 | 301
            星火一村5号楼2单元301室                          | 星火一村     | 5  | 2 | 301
            上海市奉贤区海湾镇星火一村5号楼2单元301室        | 星火一村     | 5  | 2 | 301
            上海市奉贤区海湾镇星火一村５号楼２单元３０１室    | 星火一村     | 5  | 2 | 301
            星火一村 5号楼 2单元 301室                       | 星火一村     | 5  | 2 | 301
            星火一村五号楼二单元三零一室                     | 星火一村     | 5  | 2 | 301
            星火一村第五栋二单元301                          | 星火一村     | 5  | 2 | 301
            星火一村5幢2单元301                              | 星火一村     | 5  | 2 | 301
            星火一村5栋2单元301室                            | 星火一村     | 5  | 2 | 301
            星火一村5号2单元301室                            | 星火一村     | 5  | 2 | 301
            星火一村5-2-301                                  | 星火一村     | 5  | 2 | 301
            星火一村 5-2-301室                               | 星火一村     | 5  | 2 | 301
            星火一村5—2—301                                  | 星火一村     | 5  | 2 | 301
            星火一村5 2 301                                  | 星火一村     | 5  | 2 | 301
            星火一村5号楼2门301                              | 星火一村     | 5  | 2 | 301
            星火一村5号楼2楼道301户                          | 星火一村     | 5  | 2 | 301
            星火一村5号楼301室                               | 星火一村     | 5  | -  | 301
            星火一村5-301                                    | 星火一村     | 5  | -  | 301
            星火一村十二号楼一单元1201室                     | 星火一村     | 12 | 1 | 1201
            星火一村二十一幢3单元502                         | 星火一村     | 21 | 3 | 502
            海韵苑A座1单元1201室                             | 海韵苑       | A  | 1 | 1201
            海韵苑b栋1单元101                                | 海韵苑       | B  | 1 | 101
            海韵苑12号楼1单元3楼301                          | 海韵苑       | 12 | 1 | 301
            奉贤区海湾镇星火居民区星火一村5号楼2单元301室    | 星火一村     | 5  | 2 | 301
            上海市奉贤区海湾镇海湾路88弄5号301室              | -            | 5  | -  | 301
            上海市奉贤区海湾镇海湾路88弄星火一村5号楼2单元301 | 星火一村     | 5  | 2 | 301
            海湾镇海湾路100号星火一村5号楼2单元301室         | 星火一村     | 5  | 2 | 301
            金海小区3号楼1单元202室                          | 金海小区     | 3  | 1 | 202
            奉贤区金海小区3号楼202室                         | 金海小区     | 3  | -  | 202
            星火一村（东门）5号楼2单元301室                  | 星火一村     | 5  | 2 | 301
            星火一村5号楼2单元                               | 星火一村     | 5  | 2 | -
            星火一村5号楼                                    | 星火一村     | 5  | -  | -
            星火一村301号                                    | 星火一村     | -  | -  | 301
            星火一村                                         | 星火一村     | -  | -  | -
            海湾镇星火新村05号楼02单元0301室                 | 星火新村     | 05 | 02 | 0301
            上海奉贤区海湾镇明城新苑7栋402                    | 明城新苑     | 7  | -  | 402
            燎原家园 第3幢 第2单元 602室                      | 燎原家园     | 3  | 2 | 602
            燎原家园3号楼2单元301A                           | 燎原家园     | 3  | 2 | 301A
            """)
    void partsAreFoundWhateverTheWayOfWriting(String address, String compound, String building, String stairwell,
                                              String room) {
        ParsedAddress parsed = AddressParser.parse(address);
        assertThat(parsed.compound()).as("compound").isEqualTo(compound);
        assertThat(parsed.building()).as("building").isEqualTo(building);
        assertThat(parsed.stairwell()).as("stairwell").isEqualTo(stairwell);
        assertThat(parsed.room()).as("room").isEqualTo(room);
    }

    @Test
    void aLaneIsKeptAsAHintForTheCompound() {
        ParsedAddress parsed = AddressParser.parse("上海市奉贤区海湾镇海湾路88弄5号301室");
        assertThat(parsed.lane()).isEqualTo("海湾路88弄");
    }

    @Test
    void aResidentsCommitteeIsKeptAsAHint() {
        ParsedAddress parsed = AddressParser.parse("海湾镇星火居民区星火一村5号楼2单元301室");
        assertThat(parsed.residentialArea()).isEqualTo("星火居民区");
        assertThat(parsed.compound()).isEqualTo("星火一村");
    }

    @Test
    void emptyAndBlankAddressesGiveNoParts() {
        assertThat(AddressParser.parse(null).isEmpty()).isTrue();
        assertThat(AddressParser.parse("   ").isEmpty()).isTrue();
        assertThat(AddressParser.parse("　").compound()).isNull();
    }

    @Test
    void aVeryLongAddressIsCutRatherThanRead() {
        ParsedAddress parsed = AddressParser.parse("星".repeat(10_000) + "5号楼");
        assertThat(parsed.text()).hasSize(AddressParser.MAX_LENGTH);
    }
}
