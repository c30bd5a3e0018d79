package org.haolin.keygroup;

import org.haolin.HaolinTest;
import org.haolin.TestTown;
import org.haolin.platform.DomainException;
import org.haolin.resident.IdType;
import org.haolin.resident.MainlandIdNumber;
import org.haolin.resident.NewResident;
import org.haolin.resident.ResidenceStatus;
import org.haolin.resident.ResidentRegistry;
import org.haolin.resident.TagSource;
import org.haolin.resident.TagsLanded;
import org.haolin.roster.Sheets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static haolin.schema.Tables.RESIDENT;
import static haolin.schema.Tables.RESIDENT_TAG;
import static haolin.schema.Tables.TAG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@HaolinTest
@RecordApplicationEvents
class KeyGroupListsTests {

    static final String TAG_CODE = "OUT_OF_CENTRAL_QUARANTINE";

    @Autowired
    TestTown testTown;
    @Autowired
    KeyGroupLists lists;
    @Autowired
    KeyGroupRows rows;
    @Autowired
    ResidentRegistry registry;
    @Autowired
    DSLContext db;
    @Autowired
    ApplicationEvents events;

    TestTown.Town town;
    long namesake;

    @BeforeEach
    void setUp() {
        town = testTown.create();
        // a second 张建国 in stairwell 1, room 402: the name alone no longer tells them apart
        String id = MainlandIdNumber.compose("310120", LocalDate.of(1960, 3, 3), (town.n() % 400) * 2 + 1);
        namesake = registry.write(town.stairwell1(), new NewResident(town.stairwell1().id(), "402",
                town.names().getFirst(), "M", LocalDate.of(1960, 3, 3), IdType.MAINLAND_ID, id, null,
                ResidenceStatus.LIVING_HERE, null, List.of()), TagSource.MANUAL, null, "test").residentId();
    }

    @Test
    void rowsAreMatchedByIdNumberThenPhoneThenNameAndAddress() {
        Pushed pushed = lists.push(town.epidemicOffice(), list("ref-" + town.n(), List.of(
                row(town.names().get(0), town.idNumbers().get(0), null, null),
                row(town.names().get(2), null, town.phones().get(2), null),
                row(town.names().get(3), null, null, "上海市奉贤区海湾镇海韵苑12号楼1单元101室"),
                row(town.names().get(1), null, null, "星火一村５号楼二单元301室"),
                row(town.names().getFirst(), null, null, "星火一村5幢2单元"),
                row("赵无名", unknownId(), null, "星火一村5号楼2单元301室"))));

        List<ListRowView> all = rows.rows(town.epidemicOffice(), pushed.list().id(), RowFilter.ALL, 0);
        assertThat(all).extracting(ListRowView::outcome).containsExactly(Outcome.MATCHED, Outcome.MATCHED,
                Outcome.MATCHED, Outcome.MATCHED, Outcome.AMBIGUOUS, Outcome.UNMATCHED);
        assertThat(all).extracting(ListRowView::matchedBy).containsExactly(MatchedBy.ID_NUMBER, MatchedBy.PHONE,
                MatchedBy.NAME_ADDRESS, MatchedBy.NAME_ADDRESS, null, null);
        assertThat(all).extracting(ListRowView::residentId).containsExactly(town.residents().get(0),
                town.residents().get(2), town.residents().get(3), town.residents().get(1), null, null);
        assertThat(all.get(4).candidates()).isEqualTo(2);
        assertThat(all.getFirst().idNumberMasked()).doesNotContain(town.idNumbers().getFirst().substring(6, 14));
        assertThat(all.get(3).place()).isEqualTo("星火一村 5号楼 2单元");
        // pushed through the API: applied at once, with the list as the tags' source
        assertThat(currentTagSources(town.residents().subList(0, 4))).containsOnly("list:" + pushed.list().id());
        ListCounts counts = pushed.list().counts();
        assertThat(counts).isEqualTo(new ListCounts(6, 4, 2, 1, 1, 0, 4));
    }

    @Test
    void theRoomMustAgreeWhenTheAddressGivesOne() {
        Pushed pushed = lists.push(town.epidemicOffice(), list(null, List.of(
                row(town.names().getFirst(), null, null, "星火一村5号楼2单元301室"),
                row(town.names().getFirst(), null, null, "星火一村5号楼2单元502室"),
                row(town.names().getFirst(), null, null, "某某花园1号楼"))));
        List<ListRowView> all = rows.rows(town.epidemicOffice(), pushed.list().id(), RowFilter.ALL, 0);
        assertThat(all).extracting(ListRowView::outcome)
                .containsExactly(Outcome.MATCHED, Outcome.UNMATCHED, Outcome.AMBIGUOUS);
        assertThat(all.getFirst().residentId()).isEqualTo(town.residents().getFirst());
    }

    @Test
    void aSharedPhoneIsToldApartByName() {
        long sharer = registry.write(town.stairwell2(), new NewResident(town.stairwell2().id(), "101", "陈大明" + town.n(),
                "M", LocalDate.of(1950, 1, 1), IdType.MAINLAND_ID,
                MainlandIdNumber.compose("310120", LocalDate.of(1950, 1, 1), (town.n() % 400) * 2 + 1), town.phones().get(3),
                ResidenceStatus.LIVING_HERE, null, List.of()), TagSource.MANUAL, null, "test").residentId();
        Pushed pushed = lists.push(town.epidemicOffice(), list(null, List.of(
                row("陈大明" + town.n(), null, town.phones().get(3), null),
                row("陈某" + town.n(), null, town.phones().get(3), null))));
        List<ListRowView> all = rows.rows(town.epidemicOffice(), pushed.list().id(), RowFilter.ALL, 0);
        assertThat(all.getFirst().residentId()).isEqualTo(sharer);
        assertThat(all.get(1).outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(all.get(1).candidates()).isEqualTo(2);
    }

    @Test
    void pushingTheSameListAgainChangesNothing() {
        NewKeyGroupList list = list("same-" + town.n(), List.of(row(town.names().get(0), town.idNumbers().get(0), null, null),
                row(town.names().get(3), town.idNumbers().get(3), null, null)));
        Pushed first = lists.push(town.epidemicOffice(), list);
        int tagRows = db.fetchCount(RESIDENT_TAG, RESIDENT_TAG.TOWN_ID.eq(town.town().id()));
        long landed = events.stream(TagsLanded.class).count();

        Pushed again = lists.push(town.epidemicOffice(), list);
        Pushed retitled = lists.push(town.epidemicOffice(), new NewKeyGroupList(null, TAG_CODE, "another title", null,
                List.of(row(town.names().get(1), town.idNumbers().get(1), null, null))));
        Pushed retitledAgain = lists.push(town.epidemicOffice(), new NewKeyGroupList(null, TAG_CODE, "a third title",
                null, List.of(row(town.names().get(1), town.idNumbers().get(1), null, null))));

        assertThat(first.existing()).isFalse();
        assertThat(again.existing()).isTrue();
        assertThat(again.list().id()).isEqualTo(first.list().id());
        assertThat(retitledAgain.existing()).isTrue();
        assertThat(retitledAgain.list().id()).isEqualTo(retitled.list().id());
        assertThat(db.fetchCount(RESIDENT_TAG, RESIDENT_TAG.TOWN_ID.eq(town.town().id()))).isEqualTo(tagRows + 1);
        assertThat(events.stream(TagsLanded.class).count()).isEqualTo(landed + 1);
    }

    @Test
    void aLaterListEndingSomeoneEndsTheirTag() {
        long resident = town.residents().get(3);
        lists.push(town.epidemicOffice(), list("a-" + town.n(), List.of(row(town.names().get(3), town.idNumbers().get(3), null, null))));
        assertThat(currentTagSources(List.of(resident))).hasSize(1);

        NewKeyGroupRow ended = new NewKeyGroupRow(town.names().get(3), town.idNumbers().get(3), null, null, null, null, "解除");
        Pushed later = lists.push(town.epidemicOffice(), list("b-" + town.n(), List.of(ended)));

        assertThat(currentTagSources(List.of(resident))).isEmpty();
        assertThat(later.list().counts().applied()).isEqualTo(1);
        assertThat(db.select(RESIDENT_TAG.END_REASON).from(RESIDENT_TAG).where(RESIDENT_TAG.RESIDENT_ID.eq(resident),
                RESIDENT_TAG.SOURCE.eq("OFFICE_LIST")).fetchOne().value1()).startsWith("list:" + later.list().id());
    }

    @Test
    void anUploadIsShownMatchedAndAppliedWhenTheOfficeSaysSo() {
        byte[] file = Sheets.xlsx(List.of("序号", "姓名", "身份证号", "手机号", "地址", "开始日期", "结束日期", "状态"), List.of(
                List.of("1", town.names().get(0), town.idNumbers().get(0), "", "", "", "", "在管"),
                List.of("2", town.names().get(3), "", "", "海韵苑12号楼101室", LocalDate.now().toString(),
                        LocalDate.now().plusDays(14).toString(), "在管")));
        Pushed pushed = lists.upload(town.epidemicOffice(), TAG_CODE, "第12批", null, null, new ByteArrayInputStream(file));

        assertThat(pushed.list().applied()).isFalse();
        assertThat(pushed.list().counts().matched()).isEqualTo(2);
        assertThat(currentTagSources(List.of(town.residents().get(0), town.residents().get(3)))).isEmpty();

        KeyGroupList applied = lists.apply(town.epidemicOffice(), pushed.list().id());
        long landed = events.stream(TagsLanded.class).count();
        lists.apply(town.epidemicOffice(), pushed.list().id());

        assertThat(applied.applied()).isTrue();
        assertThat(applied.counts().applied()).isEqualTo(2);
        assertThat(currentTagSources(List.of(town.residents().get(0), town.residents().get(3)))).hasSize(2);
        assertThat(events.stream(TagsLanded.class).count()).isEqualTo(landed);
        assertThat(lists.upload(town.epidemicOffice(), TAG_CODE, "第12批", null, null, new ByteArrayInputStream(file))
                .existing()).isTrue();
    }

    @Test
    void anAmbiguousRowIsSettledByPickingACandidateAndItsTagLandsThen() {
        Pushed pushed = lists.push(town.epidemicOffice(), list(null, List.of(row(town.names().getFirst(), null, null,
                "星火一村5号楼2单元"))));
        ListRowView row = rows.rows(town.epidemicOffice(), pushed.list().id(), RowFilter.AMBIGUOUS, 0).getFirst();

        RowDetail detail = rows.row(town.socialWorker1(), pushed.list().id(), row.id());
        assertThat(detail.candidates()).extracting(Candidate::residentId)
                .containsExactlyInAnyOrder(town.residents().getFirst(), namesake);
        assertThat(detail.candidates()).allSatisfy(c -> assertThat(c.idNumberMasked()).contains("****"));

        ListRowView picked = rows.pick(town.socialWorker1(), pushed.list().id(), row.id(), namesake);

        assertThat(picked.resolution()).isEqualTo(Resolution.PICKED);
        assertThat(picked.appliedAt()).isNotNull();
        assertThat(currentTagSources(List.of(namesake))).containsExactly("list:" + pushed.list().id());
        assertThatThrownBy(() -> rows.pick(town.socialWorker1(), pushed.list().id(), row.id(), namesake))
                .isInstanceOf(DomainException.class).hasMessage("keygroup.row.settled");
    }

    @Test
    void anUnmatchedRowIsSettledByRegisteringThePersonInTheStairwellTheAddressNamed() {
        String id = unknownId();
        Pushed pushed = lists.push(town.epidemicOffice(), list(null, List.of(row("新来人" + "甲", id, "13912345678",
                "星火一村5号楼2单元502室"))));
        ListRowView row = rows.rows(town.epidemicOffice(), pushed.list().id(), RowFilter.UNMATCHED, 0).getFirst();
        RowDetail detail = rows.row(town.secretary1(), pushed.list().id(), row.id());
        assertThat(detail.suggestedStairwellId()).isEqualTo(town.stairwell1().id());
        assertThat(detail.hasIdNumber()).isTrue();

        ListRowView created = rows.create(town.secretary1(), pushed.list().id(), row.id(),
                new NewResidentFromRow(null, null, null));

        assertThat(created.resolution()).isEqualTo(Resolution.CREATED);
        var resident = db.selectFrom(RESIDENT).where(RESIDENT.ID.eq(created.residentId())).fetchOne();
        assertThat(resident.getAreaId()).isEqualTo(town.stairwell1().id());
        assertThat(resident.getRoom()).isEqualTo("502");
        assertThat(currentTagSources(List.of(created.residentId()))).containsExactly("list:" + pushed.list().id());
    }

    @Test
    void aRowIsReturnedToTheOfficeWithAReason() {
        Pushed pushed = lists.push(town.epidemicOffice(), list(null, List.of(row("查无此人", unknownId(), null,
                "海韵苑12号楼1单元101室"))));
        ListRowView row = rows.rows(town.epidemicOffice(), pushed.list().id(), RowFilter.WAITING, 0).getFirst();
        assertThatThrownBy(() -> rows.returnToOffice(town.townAdmin(), pushed.list().id(), row.id(), " "))
                .isInstanceOf(DomainException.class).hasMessage("keygroup.return.reasonNeeded");
        // area 1's social worker does not see a row placed in area 2
        assertThatThrownBy(() -> rows.returnToOffice(town.socialWorker1(), pushed.list().id(), row.id(), "不在本区"))
                .isInstanceOf(DomainException.class).hasMessage("keygroup.row.notFound");

        ListRowView returned = rows.returnToOffice(town.townAdmin(), pushed.list().id(), row.id(), "已搬离本小区");

        assertThat(returned.resolution()).isEqualTo(Resolution.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("已搬离本小区");
        assertThat(lists.progress(town.epidemicOffice(), pushed.list().id()).list().counts().returned()).isEqualTo(1);
    }

    @Test
    void progressIsCountedPerResidentialAreaAndTheCockpitSeesWhatIsStillWaiting() {
        Pushed pushed = lists.push(town.epidemicOffice(), list(null, List.of(
                row(town.names().get(0), town.idNumbers().get(0), null, null),
                row("无名甲", unknownId(), null, "星火一村5号楼2单元502室"),
                row("无名乙", unknownId(), null, "海韵苑12号楼"))));
        ListProgress progress = lists.progress(town.epidemicOffice(), pushed.list().id());
        Map<String, ListCounts> byArea = progress.areas().stream()
                .collect(Collectors.toMap(AreaProgress::areaName, AreaProgress::counts));
        assertThat(byArea.get("星火居民区")).isEqualTo(new ListCounts(2, 1, 1, 0, 1, 0, 1));
        assertThat(byArea.get("海韵居民区")).isEqualTo(new ListCounts(1, 0, 1, 0, 1, 0, 0));
        assertThat(progress.mayApply()).isFalse();

        WaitingRows forSecretary = lists.waiting(town.secretary1());
        assertThat(forSecretary.areas()).extracting(WaitingRows.PerArea::areaName).containsExactly("星火居民区");
        assertThat(forSecretary.lists().getFirst().unmatched()).isEqualTo(1);
        assertThat(lists.waiting(town.townAdmin()).lists().getFirst().waiting()).isEqualTo(2);
        assertThat(rows.waitingForMe(town.secretary1())).extracting(ListRowView::name).containsExactly("无名甲");
    }

    @Test
    void otherTownsAndBuildingLeadersSeeNoList() {
        TestTown.Town elsewhere = testTown.create();
        Pushed pushed = lists.push(town.epidemicOffice(), list(null, List.of(row(town.names().get(0), town.idNumbers().get(0), null, null))));
        // the other town's office finds none of this town's residents, and sees none of its lists
        Pushed theirs = lists.push(elsewhere.epidemicOffice(), list(null, List.of(row(town.names().get(0), town.idNumbers().get(0), null, null))));
        assertThat(theirs.list().counts().unmatched()).isEqualTo(1);
        assertThat(lists.lists(elsewhere.epidemicOffice())).extracting(KeyGroupList::id).doesNotContain(pushed.list().id());
        assertThatThrownBy(() -> lists.progress(elsewhere.epidemicOffice(), pushed.list().id()))
                .isInstanceOf(DomainException.class).hasMessage("keygroup.list.notFound");
        assertThat(lists.lists(town.leader1())).isEmpty();
        assertThatThrownBy(() -> rows.rows(town.leader1(), pushed.list().id(), RowFilter.ALL, 0))
                .isInstanceOf(DomainException.class).hasMessage("keygroup.list.notFound");
        assertThatThrownBy(() -> lists.push(town.secretary1(), list(null, List.of(row("某", unknownId(), null, null)))))
                .isInstanceOf(DomainException.class).hasMessage("keygroup.office.only");
        assertThatThrownBy(() -> lists.apply(town.secretary1(), pushed.list().id()))
                .isInstanceOf(DomainException.class).hasMessage("keygroup.list.notFound");
    }

    @Test
    void badRowsRefuseTheWholeListNamingRowAndField() {
        String badCheckDigit = town.idNumbers().get(0).substring(0, 17) + (town.idNumbers().get(0).endsWith("1") ? "2" : "1");
        List<NewKeyGroupRow> bad = List.of(
                row(town.names().get(0), town.idNumbers().get(0), null, null),
                row("", badCheckDigit, "12345", null),
                new NewKeyGroupRow("某人", null, null, null, "2026-13-01", null, "不知道"));
        assertThatThrownBy(() -> lists.push(town.epidemicOffice(), list(null, bad)))
                .isInstanceOfSatisfying(ListRefused.class, e -> assertThat(e.problems())
                        .extracting(p -> p.row() + " " + p.field() + " " + p.messageKey())
                        .containsExactly("2 NAME rules.required", "2 ID_NUMBER rules.idNumber.CHECK_DIGIT",
                                "2 PHONE rules.phone.invalid", "3 ID_NUMBER keygroup.row.nothingToMatch",
                                "3 FROM keygroup.row.date.invalid", "3 STATUS keygroup.row.status.unknown"));
        assertThat(db.fetchCount(RESIDENT_TAG, RESIDENT_TAG.SOURCE.eq("OFFICE_LIST"),
                RESIDENT_TAG.TOWN_ID.eq(town.town().id()))).isZero();
    }

    @Test
    void badFilesGetAMessageAWorkerUnderstands() {
        assertThatThrownBy(() -> upload(new byte[0])).hasMessage("import.file.empty");
        assertThatThrownBy(() -> upload("姓名,身份证号\n张三,1".getBytes())).hasMessage("import.file.notXlsx");
        assertThatThrownBy(() -> upload(Sheets.xlsx(List.of("甲", "乙", "丙"), List.of(List.of("1", "2", "3")))))
                .hasMessage("keygroup.file.noHeader");
        assertThatThrownBy(() -> upload(Sheets.xlsx(List.of("身份证号", "地址"), List.of(List.of("1", "2")))))
                .hasMessage("keygroup.file.noNameColumn");
        assertThatThrownBy(() -> upload(Sheets.xlsx(List.of("姓名", "身份证号"), List.of())))
                .hasMessage("keygroup.rows.empty");
        assertThatThrownBy(() -> lists.upload(town.epidemicOffice(), "ELDERLY_80_LIVING_ALONE", "t", null, null,
                new ByteArrayInputStream(Sheets.xlsx(List.of("姓名", "身份证号"), List.of(List.of("某", town.idNumbers().get(0)))))))
                .hasMessage("keygroup.tag.unknown");
    }

    @Test
    void aListAboveTheLimitIsRefused() {
        List<NewKeyGroupRow> huge = Collections.nCopies(50_001, row("某", null, "13800138000", null));
        assertThatThrownBy(() -> lists.push(town.epidemicOffice(), list(null, huge)))
                .hasMessage("keygroup.rows.tooMany");
    }

    private void upload(byte[] file) {
        lists.upload(town.epidemicOffice(), TAG_CODE, "title", null, null, new ByteArrayInputStream(file));
    }

    /** The source of each current tag of this list's category on these residents. */
    private List<String> currentTagSources(List<Long> residents) {
        return new ArrayList<>(db.select(RESIDENT_TAG.SOURCE_REF).from(RESIDENT_TAG).join(TAG).on(TAG.ID.eq(RESIDENT_TAG.TAG_ID))
                .where(RESIDENT_TAG.RESIDENT_ID.in(residents), TAG.CODE.eq(TAG_CODE),
                        RESIDENT_TAG.VALID_TO.isNull().or(RESIDENT_TAG.VALID_TO.gt(java.time.OffsetDateTime.now())))
                .fetch(RESIDENT_TAG.SOURCE_REF));
    }

    private String unknownId() {
        return MainlandIdNumber.compose("310120", LocalDate.of(1999, 9, 9), (town.n() * 3 + (int) (System.nanoTime() % 97)) % 999);
    }

    static NewKeyGroupRow row(String name, String idNumber, String phone, String address) {
        return new NewKeyGroupRow(name, idNumber, phone, address, null, null, null);
    }

    static NewKeyGroupList list(String reference, List<NewKeyGroupRow> rows) {
        return new NewKeyGroupList(reference, TAG_CODE, "第1批 " + reference, null, rows);
    }
}
