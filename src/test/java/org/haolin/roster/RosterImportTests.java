package org.haolin.roster;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.access.HaolinUser;
import org.haolin.platform.DomainException;
import org.haolin.resident.MainlandIdNumber;
import org.haolin.resident.ResidentField;
import org.haolin.resident.Residents;
import org.haolin.resident.RosterEntry;
import org.haolin.resident.RowProblem;
import org.haolin.roster.RosterJob.State;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static haolin.schema.Tables.AUDIT_EVENT;
import static haolin.schema.Tables.RESIDENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Imports of real .xlsx files, through the same facade the API, the pages and the benchmark use. */
@HaolinTest
class RosterImportTests {

    @Autowired
    TestTown testTown;
    @Autowired
    RosterImports imports;
    @Autowired
    Residents residents;
    @Autowired
    DSLContext db;

    TestTown.Town town;

    @BeforeEach
    void setUp() {
        town = testTown.create();
    }

    String newId(int i, boolean male) {
        LocalDate birth = LocalDate.of(1940 + i % 60, 1 + (town.n() + i) % 12, 1 + i % 28);
        int sequence = ((town.n() * 13 + i * 7) % 400 + 500) * 2 + (male ? 1 : 0);
        return MainlandIdNumber.compose("310120", birth, sequence % 1000);
    }

    ImportReport run(HaolinUser user, byte[] xlsx, boolean dryRun) {
        return imports.importNow(user, "roster.xlsx", new ByteArrayInputStream(xlsx), dryRun, UUID.randomUUID().toString());
    }

    ImportCounts counts(ImportReport report) {
        assertThat(report.job().problemKey()).as("file refused").isNull();
        return report.job().counts();
    }

    List<RosterEntry> stairwell1() {
        return residents.roster(town.townAdmin(), town.stairwell1().id()).entries();
    }

    String refusal(byte[] xlsx) {
        ImportReport report = run(town.secretary1(), xlsx, false);
        assertThat(report.job().state()).isEqualTo(State.REFUSED);
        return report.job().problemKey();
    }

    @Test
    void chineseHeadersDryRunCountsAndSavesNothingThenTheRealImportSaves() {
        byte[] xlsx = Sheets.xlsx(Sheets.ZH, List.of(
                Sheets.zh("赵桂英", newId(1, false), "13912345678", "星火一村", "5号楼", "2单元", "501", "低保"),
                Sheets.zh("钱志强", newId(2, true), "", "星火一村", "5幢", "2", "502室", "医护人员、Volunteer"),
                Sheets.zh("孙丽", newId(3, false), "021-57123456", " 星火一村 ", "5", "二单元", "503", "")));

        ImportReport dry = run(town.secretary1(), xlsx, true);

        assertThat(counts(dry)).isEqualTo(new ImportCounts(3, 0, 0, 0));
        assertThat(dry.job().state()).isEqualTo(State.DONE);
        assertThat(stairwell1()).hasSize(3);

        ImportReport real = run(town.secretary1(), xlsx, false);

        assertThat(counts(real)).isEqualTo(new ImportCounts(3, 0, 0, 0));
        assertThat(real.job().state()).isEqualTo(State.DONE);
        List<RosterEntry> entries = stairwell1();
        assertThat(entries).extracting(RosterEntry::name).contains("赵桂英", "钱志强", "孙丽");
        RosterEntry qian = entries.stream().filter(e -> e.name().equals("钱志强")).findFirst().orElseThrow();
        assertThat(qian.room()).isEqualTo("502");
        assertThat(qian.sex()).isEqualTo("M");
        assertThat(qian.tags()).extracting(t -> t.code()).containsExactlyInAnyOrder("MEDICAL_STAFF", "VOLUNTEER");
        assertThat(qian.tags()).allSatisfy(t -> assertThat(t.source().name()).isEqualTo("IMPORT"));
        assertThat(entries.stream().filter(e -> e.name().equals("赵桂英")).findFirst().orElseThrow().phoneMasked())
                .isEqualTo("139****5678");
        assertThat(auditDetails(real.job().id())).singleElement().asString()
                .contains("imported").contains("new 3").contains("rejected 0");
        assertThat(auditDetails(dry.job().id())).singleElement().asString().contains("dry run");
    }

    @Test
    void englishHeadersInAnyCaseAndSpacing() {
        byte[] xlsx = Sheets.xlsx(List.of(" NAME ", "Id Number", "compound", "Building", "STAIRWELL", "room", "Phone",
                "Tags", "Status", "Notes"), List.of(
                List.of("Wang Fang", newId(4, false), "海韵苑", "Building 12", "Unit 1", "102", "13800138010",
                        "Minimum living allowance", "away", "visits her son on weekends")));

        ImportReport report = run(town.townAdmin(), xlsx, false);

        assertThat(counts(report)).isEqualTo(new ImportCounts(1, 0, 0, 0));
        RosterEntry wang = residents.roster(town.townAdmin(), town.stairwell2().id()).entries().stream()
                .filter(e -> e.name().equals("Wang Fang")).findFirst().orElseThrow();
        assertThat(wang.status().name()).isEqualTo("AWAY");
        assertThat(wang.notes()).isEqualTo("visits her son on weekends");
    }

    @Test
    void aResidentAlreadyKnownIsUpdatedNeverDuplicated() {
        String known = town.idNumbers().getFirst();
        byte[] changed = Sheets.xlsx(Sheets.ZH, List.<List<String>>of(
                Sheets.zh("张建国", known, "13700137000", "星火一村", "5号楼", "2单元", "301", "低保")));

        assertThat(counts(run(town.secretary1(), changed, true))).isEqualTo(new ImportCounts(0, 1, 0, 0));
        assertThat(counts(run(town.secretary1(), changed, false))).isEqualTo(new ImportCounts(0, 1, 0, 0));
        assertThat(counts(run(town.secretary1(), changed, false))).isEqualTo(new ImportCounts(0, 0, 1, 0));

        assertThat(db.fetchCount(RESIDENT, RESIDENT.TOWN_ID.eq(town.town().id()))).isEqualTo(5);
        RosterEntry zhang = stairwell1().getFirst();
        assertThat(zhang.residentId()).isEqualTo(town.residents().getFirst());
        assertThat(zhang.phoneMasked()).isEqualTo("137****7000");
        assertThat(zhang.tags()).extracting(t -> t.code())
                .containsExactlyInAnyOrder("ELDERLY_80_LIVING_ALONE", "MINIMUM_LIVING_ALLOWANCE");
    }

    @Test
    void duplicatesWithinTheFileRejectBothRows() {
        String id = newId(5, true);
        byte[] xlsx = Sheets.xlsx(Sheets.ZH, List.of(
                Sheets.zh("周杰", id, "", "星火一村", "5号楼", "2单元", "601", ""),
                Sheets.zh("吴敏", newId(6, false), "", "星火一村", "5号楼", "2单元", "602", ""),
                Sheets.zh("周杰", id.toLowerCase(), "", "星火一村", "5号楼", "2单元", "601", "")));

        ImportReport report = run(town.secretary1(), xlsx, true);

        assertThat(counts(report)).isEqualTo(new ImportCounts(1, 0, 0, 2));
        assertThat(report.rejected()).extracting(RejectedRow::row).containsExactly(2, 4);
        assertThat(report.rejected().getFirst().problems()).extracting(RowProblem::messageKey, RowProblem::args)
                .containsExactly(tuple("import.row.duplicate", List.of("4")));
        assertThat(report.rejected().getLast().problems()).extracting(RowProblem::args).containsExactly(List.of("2"));
    }

    @Test
    void oneBadRowMeansNothingIsSavedAndEarlierDataIsUntouched() {
        String known = town.idNumbers().get(1);
        String badCheckDigit = newId(7, true).substring(0, 17) + "Z";
        byte[] xlsx = Sheets.xlsx(Sheets.ZH, List.of(
                Sheets.zh("李秀英改名", known, "13600136000", "星火一村", "5号楼", "2单元", "301", ""),
                Sheets.zh("郑强", newId(8, true), "", "星火一村", "5号楼", "2单元", "701", ""),
                Sheets.zh("王小二", badCheckDigit, "", "星火一村", "5号楼", "2单元", "702", "")));

        ImportReport report = run(town.secretary1(), xlsx, false);

        assertThat(report.job().state()).isEqualTo(State.REFUSED);
        assertThat(report.job().counts()).isEqualTo(new ImportCounts(1, 1, 0, 1));
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(4);
            assertThat(r.problems()).extracting(RowProblem::field).containsExactly(ResidentField.ID_NUMBER);
        });
        assertThat(stairwell1()).extracting(RosterEntry::name).containsExactlyElementsOf(town.names().subList(0, 3));
        assertThat(stairwell1().get(1).phoneMasked()).isEqualTo(org.haolin.platform.Masking.phone(town.phones().get(1)));
        assertThat(db.fetchCount(RESIDENT, RESIDENT.TOWN_ID.eq(town.town().id()))).isEqualTo(5);
        assertThat(auditDetails(report.job().id())).singleElement().asString().contains("refused, nothing saved");
    }

    @Test
    void aCompoundOutsideTheImportersAreaIsNotFound() {
        byte[] xlsx = Sheets.xlsx(Sheets.ZH, List.<List<String>>of(
                Sheets.zh("冯雪", newId(9, false), "", "海韵苑", "12号楼", "1单元", "201", "")));

        ImportReport report = run(town.secretary1(), xlsx, true);

        assertThat(report.rejected()).singleElement().extracting(RejectedRow::problems).asList()
                .containsExactly(RowProblem.of(ResidentField.COMPOUND, "import.area.compoundNotFound", "海韵苑"));
    }

    @Test
    void aPersonRegisteredOutsideTheImportersAreaIsNotTakenOver() {
        byte[] xlsx = Sheets.xlsx(Sheets.ZH, List.<List<String>>of(
                Sheets.zh("陈伟", town.idNumbers().get(3), "", "星火一村", "5号楼", "2单元", "302", "")));

        ImportReport report = run(town.secretary1(), xlsx, false);

        assertThat(report.job().state()).isEqualTo(State.REFUSED);
        assertThat(report.rejected().getFirst().problems()).extracting(RowProblem::messageKey)
                .containsExactly("import.row.registeredElsewhere");
        assertThat(residents.roster(town.townAdmin(), town.stairwell2().id()).entries()).extracting(RosterEntry::name)
                .contains(town.names().get(3));
    }

    @Test
    void aBuildingLeaderMayNotImport() {
        byte[] xlsx = Sheets.xlsx(Sheets.ZH, List.<List<String>>of(
                Sheets.zh("冯雪", newId(10, false), "", "星火一村", "5号楼", "2单元", "201", "")));
        assertThatThrownBy(() -> run(town.leader1(), xlsx, true))
                .isInstanceOf(DomainException.class).hasMessage("access.denied");
    }

    @Test
    void theRejectedRowsDownloadHasTheOriginalColumnsAndAReason() throws IOException {
        byte[] xlsx = Sheets.xlsx(Sheets.ZH, List.of(
                Sheets.zh("褚红", newId(11, false), "1380013", "星火一村", "5号楼", "2单元", "801", ""),
                Sheets.zh("卫东", newId(12, true), "", "星火一村", "9号楼", "2单元", "802", "独居")));
        ImportReport report = run(town.secretary1(), xlsx, true);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        imports.writeRejected(town.secretary1(), report.job().id(), Locale.SIMPLIFIED_CHINESE, out);
        List<List<String>> rows = Sheets.read(out.toByteArray());

        List<String> header = new ArrayList<>(Sheets.ZH);
        header.addAll(List.of("行号", "原因"));
        assertThat(rows.getFirst()).containsExactlyElementsOf(header);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).subList(0, 3)).containsExactly("褚红", "", newId(11, false));
        assertThat(rows.get(1).get(11)).isEqualTo("2");
        assertThat(rows.get(1).get(12)).startsWith("手机号：不是有效的电话号码");
        assertThat(rows.get(2).get(12)).contains("楼号：您辖区内的小区“星火一村”没有“9号楼”这栋楼").contains("标签：标签目录里没有“独居”");

        ByteArrayOutputStream english = new ByteArrayOutputStream();
        imports.writeRejected(town.secretary1(), report.job().id(), Locale.ENGLISH, english);
        assertThat(Sheets.read(english.toByteArray()).get(1).get(12)).startsWith("Phone: is not a phone number");
    }

    @Test
    void theTemplateRoundTrips() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        imports.writeTemplate(Locale.SIMPLIFIED_CHINESE, out);
        List<List<String>> template = Sheets.read(out.toByteArray());
        List<String> header = template.getFirst();
        assertThat(header).containsExactly("姓名", "性别", "身份证号", "证件类型", "手机号", "出生日期", "小区", "楼号",
                "单元", "室号", "标签", "居住状态", "备注");
        assertThat(template.get(1).getFirst()).isEqualTo("王芳");

        ImportReport asIs = run(town.secretary1(), out.toByteArray(), true);
        assertThat(asIs.rejected()).singleElement().extracting(r -> r.problems().getFirst().messageKey())
                .isEqualTo("import.area.compoundNotFound");

        String id = newId(13, false);
        MainlandIdNumber parsed = MainlandIdNumber.parse(id);
        byte[] filled = Sheets.xlsx(header, List.<List<String>>of(List.of("蒋梅", "女", id, "身份证", "13800138020",
                parsed.birthDate().toString(), "星火一村", "5号楼", "2单元", "901", "低保、80岁以上高龄独居老人", "在住", "")));
        assertThat(counts(run(town.secretary1(), filled, false))).isEqualTo(new ImportCounts(1, 0, 0, 0));
    }

    @Test
    void filesThatAreNotXlsxAreRefusedWithAClearMessage() throws IOException {
        assertThat(refusal(new byte[0])).isEqualTo("import.file.empty");
        assertThat(refusal("姓名,身份证号,小区\n张三,110105194912310021,星火一村\n".getBytes())).isEqualTo("import.file.notXlsx");
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0, ole2, 0, 8);
        assertThat(refusal(ole2)).isEqualTo("import.file.oldExcel");
        byte[] random = new byte[4096];
        new java.util.Random(7).nextBytes(random);
        assertThat(refusal(random)).isEqualTo("import.file.notXlsx");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            z.write("not a workbook".getBytes());
        }
        assertThat(refusal(zip.toByteArray())).isEqualTo("import.file.zipNotXlsx");
        byte[] truncated = java.util.Arrays.copyOf(Sheets.xlsx(Sheets.ZH, List.of()), 300);
        assertThat(refusal(truncated)).isEqualTo("import.file.damaged");
        assertThat(db.fetchCount(RESIDENT, RESIDENT.TOWN_ID.eq(town.town().id()))).isEqualTo(5);
    }

    @Test
    void sheetsWithoutTheNeededColumnsOrRowsAreRefused() {
        assertThat(refusal(Sheets.xlsx(Sheets.ZH, List.of()))).isEqualTo("import.file.noRows");
        assertThat(refusal(Sheets.xlsx(List.of("序号", "日期", "金额"), List.of(List.of("1", "2024-01-01", "30")))))
                .isEqualTo("import.file.noHeader");

        ImportReport missing = run(town.secretary1(), Sheets.xlsx(List.of("姓名", "身份证号", "小区", "备注"),
                List.<List<String>>of(List.of("张三", newId(14, true), "星火一村", ""))), false);
        assertThat(missing.job().problemKey()).isEqualTo("import.file.missingColumns");
        assertThat(missing.job().problemArgs()).singleElement().asString().contains("楼号").contains("单元").contains("室号");

        assertThat(refusal(Sheets.xlsx(List.of("姓名", "身份证号", "证件号码", "小区", "楼号", "单元", "室号"),
                List.<List<String>>of(List.of("张三", "1", "2", "星火一村", "5", "2", "301")))))
                .isEqualTo("import.file.duplicateColumn");
    }

    @Test
    void aTitleRowAboveTheHeaderIsSkipped() {
        byte[] xlsx = Sheets.xlsx(sheet -> {
            sheet.value(0, 0, "星火一村5号楼2单元居民名单（2024年）");
            sheet.range(0, 0, 0, 10).merge();
            Sheets.write(sheet, 1, Sheets.ZH);
            Sheets.write(sheet, 2, Sheets.zh("沈阳", newId(15, true), "", "星火一村", "5号楼", "2单元", "1001", ""));
        });
        assertThat(counts(run(town.secretary1(), xlsx, true))).isEqualTo(new ImportCounts(1, 0, 0, 0));
    }

    @Test
    void theRosterMayBeOnASecondSheetAfterAnInstructionsSheet() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "Test", "1.0");
        org.dhatim.fastexcel.Worksheet help = workbook.newWorksheet("填表说明");
        help.value(0, 0, "请按要求填写，身份证号请设为文本格式");
        help.value(1, 0, "姓名");
        org.dhatim.fastexcel.Worksheet roster = workbook.newWorksheet("名单");
        Sheets.write(roster, 0, Sheets.ZH);
        Sheets.write(roster, 1, Sheets.zh("沈阳", newId(24, true), "", "星火一村", "5号楼", "2单元", "1002", ""));
        workbook.finish();
        assertThat(counts(run(town.secretary1(), out.toByteArray(), true))).isEqualTo(new ImportCounts(1, 0, 0, 0));
    }

    @Test
    void verticallyMergedCellsAreReadAsTheirValueInEveryRow() {
        byte[] xlsx = Sheets.xlsx(sheet -> {
            Sheets.write(sheet, 0, Sheets.ZH);
            Sheets.write(sheet, 1, Sheets.zh("韩梅", newId(16, false), "", "星火一村", "5号楼", "2单元", "1101", ""));
            Sheets.write(sheet, 2, Sheets.zh("杨光", newId(17, true), "", "", "", "", "1102", ""));
            Sheets.write(sheet, 3, Sheets.zh("朱丽", newId(18, false), "", "", "", "", "1103", ""));
            sheet.range(1, 4, 3, 4).merge();
            sheet.range(1, 5, 3, 5).merge();
            sheet.range(1, 6, 3, 6).merge();
        });
        ImportReport report = run(town.secretary1(), xlsx, false);
        assertThat(counts(report)).isEqualTo(new ImportCounts(3, 0, 0, 0));
        assertThat(stairwell1()).extracting(RosterEntry::name).contains("韩梅", "杨光", "朱丽");
    }

    @Test
    void aMergedHeaderIsRefusedNamingTheCells() {
        byte[] xlsx = Sheets.xlsx(sheet -> {
            Sheets.write(sheet, 0, Sheets.ZH);
            Sheets.write(sheet, 1, Sheets.zh("韩梅", newId(19, false), "", "星火一村", "5号楼", "2单元", "1101", ""));
            sheet.range(0, 9, 0, 10).merge();
        });
        ImportReport report = run(town.secretary1(), xlsx, false);
        assertThat(report.job().problemKey()).isEqualTo("import.file.mergedHeader");
        assertThat(report.job().problemArgs()).containsExactly("J1:K1");
    }

    @Test
    void formulasAreReadByTheirCalculatedValueAndRefusedWithoutOne() {
        String id = newId(20, true);
        byte[] uncalculated = Sheets.xlsx(sheet -> {
            Sheets.write(sheet, 0, Sheets.ZH);
            Sheets.write(sheet, 1, Sheets.zh("秦岭", "", "", "星火一村", "5号楼", "2单元", "1201", ""));
            sheet.formula(1, 2, "CONCATENATE(\"" + id.substring(0, 9) + "\",\"" + id.substring(9) + "\")");
        });
        ImportReport refused = run(town.secretary1(), uncalculated, true);
        assertThat(refused.rejected()).singleElement().extracting(r -> r.problems()).asList()
                .containsExactly(RowProblem.of(ResidentField.ID_NUMBER, "import.cell.formulaWithoutValue", "C2"));

        // What Excel or WPS saves: the formula and its last calculated value.
        byte[] calculated = Sheets.rewrite(uncalculated, "xl/worksheets/sheet1.xml",
                xml -> xml.replaceFirst("(<c r=\"C2\"[^>]*?)(/?)>(<f>.*?</f>)</c>", "$1 t=\"str\">$3<v>" + id + "</v></c>"));
        assertThat(calculated).isNotEqualTo(uncalculated);
        ImportReport report = run(town.secretary1(), calculated, false);
        assertThat(counts(report)).isEqualTo(new ImportCounts(1, 0, 0, 0));
    }

    @Test
    void garbledTextIsRejectedNamingTheField() {
        String garbled = new String("张三".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        ImportReport report = run(town.secretary1(), Sheets.xlsx(Sheets.ZH, List.<List<String>>of(
                Sheets.zh(garbled, newId(21, true), "", "星火一村", "5号楼", "2单元", "1301", ""))), true);
        assertThat(report.rejected().getFirst().problems()).extracting(RowProblem::field, RowProblem::messageKey)
                .contains(tuple(ResidentField.NAME, "rules.text.garbled"));
    }

    @Test
    void tooLargeAndTooLongFilesAreRefused() {
        byte[] big = new byte[(int) org.haolin.roster.internal.ImportLimits.MAX_BYTES + 1];
        big[0] = 'P';
        big[1] = 'K';
        assertThat(refusal(big)).isEqualTo("import.file.tooLarge");

        byte[] manyRows = Sheets.xlsx(sheet -> {
            Sheets.write(sheet, 0, List.of("姓名", "身份证号", "小区", "楼号", "单元", "室号"));
            for (int r = 1; r <= org.haolin.roster.internal.ImportLimits.MAX_ROWS + 1; r++) {
                sheet.value(r, 0, "张");
            }
        });
        assertThat(refusal(manyRows)).isEqualTo("import.file.tooManyRows");
    }

    @Test
    void aRetriedUploadWithTheSameKeyReturnsTheSameJob() {
        byte[] xlsx = Sheets.xlsx(Sheets.ZH, List.<List<String>>of(
                Sheets.zh("许诺", newId(22, false), "", "星火一村", "5号楼", "2单元", "1401", "")));
        String key = UUID.randomUUID().toString();
        ImportReport first = imports.importNow(town.secretary1(), "a.xlsx", new ByteArrayInputStream(xlsx), false, key);
        ImportReport again = imports.importNow(town.secretary1(), "a.xlsx", new ByteArrayInputStream(xlsx), false, key);
        assertThat(again.job().id()).isEqualTo(first.job().id());
        assertThat(again.job().counts()).isEqualTo(new ImportCounts(1, 0, 0, 0));
        assertThat(stairwell1()).extracting(RosterEntry::name).containsOnlyOnce("许诺");
    }

    @Test
    void onlyTheOwnerAndTownAdminsSeeAJob() {
        ImportReport report = run(town.secretary1(), Sheets.xlsx(Sheets.ZH, List.<List<String>>of(
                Sheets.zh("何平", newId(23, true), "", "星火一村", "5号楼", "2单元", "1501", ""))), true);
        long id = report.job().id();
        assertThat(imports.job(town.townAdmin(), id).id()).isEqualTo(id);
        assertThatThrownBy(() -> imports.job(town.socialWorker1(), id)).isInstanceOf(DomainException.class)
                .hasMessage("import.job.notFound");
        assertThatThrownBy(() -> imports.report(town.epidemicOffice(), id)).isInstanceOf(DomainException.class);
    }

    private List<String> auditDetails(long jobId) {
        return db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ACTION.eq("IMPORT"), AUDIT_EVENT.OBJECT_ID.eq(jobId)).fetch(AUDIT_EVENT.DETAIL);
    }
}
