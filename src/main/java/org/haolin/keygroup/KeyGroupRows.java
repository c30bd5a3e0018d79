package org.haolin.keygroup;

import haolin.schema.tables.records.KeygroupListRecord;
import haolin.schema.tables.records.KeygroupRowRecord;
import haolin.schema.tables.records.ResidentRecord;
import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.keygroup.internal.ListReaders;
import org.haolin.keygroup.internal.ListStore;
import org.haolin.keygroup.internal.TownPlaces;
import org.haolin.platform.DomainException;
import org.haolin.platform.SensitiveData;
import org.haolin.resident.IdType;
import org.haolin.resident.InputText;
import org.haolin.resident.MainlandIdNumber;
import org.haolin.resident.NewResident;
import org.haolin.resident.ResidenceStatus;
import org.haolin.resident.ResidentRegistry;
import org.haolin.resident.TagSource;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static haolin.schema.Tables.RESIDENT;
import static org.jooq.impl.DSL.any;

/**
 * The rows of the office's lists, for the people who settle them: a list's rows by outcome, the rows
 * waiting for me, one row with its candidates (masked), and the three ways to settle a row matching left
 * open: pick a candidate, register the person in a stairwell, or return the row to the office with a reason.
 * A row settled after its list was applied gets its tag at once.
 */
@Service
public class KeyGroupRows {

    static final int ROWS_PER_PAGE = 500;
    private static final int MAX_REASON = 500;

    private final ListStore store;
    private final ListReaders readers;
    private final KeyGroupLists lists;
    private final AreaTree areas;
    private final Scopes scopes;
    private final ResidentRegistry registry;
    private final SensitiveData sensitive;
    private final AuditTrail audit;
    private final DSLContext db;
    private final Clock clock;

    KeyGroupRows(ListStore store, ListReaders readers, KeyGroupLists lists, AreaTree areas, Scopes scopes,
                 ResidentRegistry registry, SensitiveData sensitive, AuditTrail audit, DSLContext db, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.readers = readers;
        this.lists = lists;
        this.areas = areas;
        this.scopes = scopes;
        this.registry = registry;
        this.sensitive = sensitive;
        this.audit = audit;
        this.db = db;
    }

    /** One list's rows in the person's scope, filtered, a page of {@value #ROWS_PER_PAGE} at a time. */
    @Transactional
    public List<ListRowView> rows(HaolinUser user, long listId, RowFilter filter, int page) {
        KeygroupListRecord list = lists.visible(user, listId);
        List<KeygroupRowRecord> rows = store.rows(listId, list.getTownId(), readers.rows(user),
                filter == null ? RowFilter.ALL : filter, Math.max(0, page) * ROWS_PER_PAGE, ROWS_PER_PAGE);
        audit.record(user, AuditAction.LIST, KeyGroupLists.listObject(list), "rows " + filter + " page " + page);
        TownPlaces places = lists.places(town(list.getTownId()));
        return rows.stream().map(r -> view(r, places)).toList();
    }

    /** The rows waiting for a person in my scope, across lists: what area staff work through. */
    @Transactional
    public List<ListRowView> waitingForMe(HaolinUser user) {
        Scope rows = readers.rows(user);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<KeygroupRowRecord> waiting = store.waitingRows(rows, ROWS_PER_PAGE);
        Map<Long, TownPlaces> places = new HashMap<>();
        audit.recordAll(user, AuditAction.LIST, waiting.stream().map(r -> AuditedObject.of("KEYGROUP_ROW", r.getId(),
                r.getTownId(), r.getAreaPath())).toList(), "waiting for me");
        return waiting.stream().map(r -> view(r, places.computeIfAbsent(r.getTownId(),
                t -> lists.places(town(t))))).toList();
    }

    /** One row with what settling it needs: candidates (masked), stairwells the person may register in. */
    @Transactional
    public RowDetail row(HaolinUser user, long listId, long rowId) {
        KeygroupRowRecord row = readable(user, listId, rowId);
        TownPlaces places = lists.places(town(row.getTownId()));
        List<Candidate> candidates = candidates(user, row, places);
        Scope edit = scopes.of(user, Permission.EDIT_RESIDENTS);
        List<StairwellChoice> stairwells = places.stairwellsUnder(row.getAreaPath()).stream()
                .filter(s -> edit.covers(s.path())).map(s -> new StairwellChoice(s.id(), places.label(s))).toList();
        return new RowDetail(view(row, places), candidates, stairwells, row.getStairwellId(),
                row.getIdNumberEnc() != null && mainland(sensitive.decrypt(row.getIdNumberEnc())));
    }

    /** Settles an ambiguous row with one of its candidates. */
    @Transactional
    public ListRowView pick(HaolinUser user, long listId, long rowId, long residentId) {
        KeygroupRowRecord row = waiting(user, listId, rowId);
        if (!Arrays.asList(row.getCandidateIds()).contains(residentId)) {
            throw DomainException.invalid("keygroup.pick.notCandidate");
        }
        ResidentRecord resident = editable(user, residentId);
        Area stairwell = areas.find(resident.getAreaId()).orElseThrow();
        store.settle(row, Resolution.PICKED, residentId, stairwell, null, user);
        audit.record(user, AuditAction.KEY_GROUP_LIST, AuditedObject.of("RESIDENT", residentId, resident.getTownId(),
                resident.getAreaPath()), "list:" + listId + " row " + row.getRowNumber() + " picked");
        return applyIfListApplied(user, row);
    }

    /** Settles an unmatched row by registering the person as a new resident of a stairwell. */
    @Transactional
    public ListRowView create(HaolinUser user, long listId, long rowId, NewResidentFromRow how) {
        KeygroupRowRecord row = waiting(user, listId, rowId);
        Long stairwellId = how.stairwellId() != null ? how.stairwellId() : row.getStairwellId();
        if (stairwellId == null) {
            throw DomainException.invalid("keygroup.create.stairwellNeeded");
        }
        Area stairwell = areas.find(stairwellId).filter(a -> a.level() == AreaLevel.STAIRWELL
                        && a.townId().equals(row.getTownId()) && readers.rows(user).covers(a.path())
                        && a.path().startsWith(row.getAreaPath()))
                .orElseThrow(() -> DomainException.notFound("area.notFound", stairwellId));
        String room = InputText.compact(how.room() != null && !how.room().isBlank() ? how.room() : row.getRoom());
        if (room.isEmpty()) {
            throw DomainException.invalid("keygroup.create.roomNeeded");
        }
        String idNumber = idNumber(how.idNumber(), row);
        if (db.fetchExists(RESIDENT, RESIDENT.TOWN_ID.eq(row.getTownId()),
                RESIDENT.ID_NUMBER_HASH.eq(sensitive.lookupHash(idNumber)))) {
            throw DomainException.conflict("keygroup.create.alreadyRegistered");
        }
        MainlandIdNumber id = MainlandIdNumber.parse(idNumber);
        String phone = row.getPhoneEnc() == null ? null : sensitive.decrypt(row.getPhoneEnc());
        long residentId = registry.save(user, new NewResident(stairwell.id(), room, row.getName(),
                String.valueOf(id.sex()), id.birthDate(), IdType.MAINLAND_ID, idNumber, phone,
                ResidenceStatus.LIVING_HERE, null, List.of()), TagSource.OFFICE_LIST).residentId();
        store.settle(row, Resolution.CREATED, residentId, stairwell, null, user);
        return applyIfListApplied(user, row);
    }

    /** Sends a row back to the office: the person is not in the area, or the row is wrong. */
    @Transactional
    public ListRowView returnToOffice(HaolinUser user, long listId, long rowId, String reason) {
        KeygroupRowRecord row = waiting(user, listId, rowId);
        String why = InputText.clean(reason);
        if (why.isEmpty()) {
            throw DomainException.invalid("keygroup.return.reasonNeeded");
        }
        if (why.length() > MAX_REASON) {
            throw DomainException.invalid("keygroup.return.reasonTooLong", MAX_REASON);
        }
        store.settle(row, Resolution.RETURNED, null, null, why, user);
        audit.record(user, AuditAction.KEY_GROUP_LIST, AuditedObject.of("KEYGROUP_ROW", row.getId(), row.getTownId(),
                row.getAreaPath()), "list:" + listId + " row " + row.getRowNumber() + " returned");
        return view(row, lists.places(town(row.getTownId())));
    }

    private ListRowView applyIfListApplied(HaolinUser user, KeygroupRowRecord row) {
        KeygroupListRecord list = store.list(row.getListId()).orElseThrow();
        if (list.getAppliedAt() != null) {
            lists.applyRows(user, list, List.of(row));
            row.setAppliedAt(OffsetDateTime.now(clock));
        }
        return view(row, lists.places(town(row.getTownId())));
    }

    private KeygroupRowRecord readable(HaolinUser user, long listId, long rowId) {
        return store.row(listId, rowId, readers.rows(user))
                .orElseThrow(() -> DomainException.notFound("keygroup.row.notFound", rowId));
    }

    private KeygroupRowRecord waiting(HaolinUser user, long listId, long rowId) {
        KeygroupRowRecord row = readable(user, listId, rowId);
        if (row.getResidentId() != null || row.getResolution() != null) {
            throw DomainException.conflict("keygroup.row.settled", row.getRowNumber());
        }
        return row;
    }

    /** A resident the person may edit, or "not found" as if it did not exist. */
    private ResidentRecord editable(HaolinUser user, long residentId) {
        Scope edit = scopes.of(user, Permission.EDIT_RESIDENTS);
        return db.selectFrom(RESIDENT).where(RESIDENT.ID.eq(residentId), edit.on(RESIDENT.TOWN_ID, RESIDENT.AREA_PATH))
                .fetchOptional().orElseThrow(() -> DomainException.notFound("resident.notFound", residentId));
    }

    private List<Candidate> candidates(HaolinUser user, KeygroupRowRecord row, TownPlaces places) {
        if (row.getCandidateIds().length == 0 || row.getResidentId() != null) {
            return List.of();
        }
        Scope rows = readers.rows(user);
        List<ResidentRecord> found = db.selectFrom(RESIDENT)
                .where(RESIDENT.TOWN_ID.eq(row.getTownId()), RESIDENT.ID.eq(any(row.getCandidateIds())),
                        rows.on(RESIDENT.TOWN_ID, RESIDENT.AREA_PATH))
                .orderBy(RESIDENT.AREA_PATH, RESIDENT.ROOM).fetch();
        audit.recordAll(user, AuditAction.READ, found.stream().map(r -> AuditedObject.of("RESIDENT", r.getId(),
                r.getTownId(), r.getAreaPath())).toList(), "key-group list candidates");
        return found.stream().map(r -> new Candidate(r.getId(), r.getName(), places.label(places.area(r.getAreaId())),
                r.getRoom(), r.getIdNumberMasked(), r.getPhoneMasked())).toList();
    }

    /** The ID number to register with: the one typed by the person, else the row's; a valid mainland one. */
    private String idNumber(String typed, KeygroupRowRecord row) {
        String idNumber = typed != null && !typed.isBlank() ? InputText.idNumber(typed)
                : row.getIdNumberEnc() == null ? null : sensitive.decrypt(row.getIdNumberEnc());
        if (idNumber == null || !mainland(idNumber)) {
            throw DomainException.invalid("keygroup.create.idNumberNeeded");
        }
        return idNumber;
    }

    private static boolean mainland(String idNumber) {
        return MainlandIdNumber.problem(idNumber).isEmpty();
    }

    private Area town(long townId) {
        return areas.find(townId).orElseThrow();
    }

    ListRowView view(KeygroupRowRecord r, TownPlaces places) {
        Area area = places.area(r.getAreaId());
        return new ListRowView(r.getId(), r.getListId(), r.getRowNumber(), r.getName(), r.getIdNumberMasked(),
                r.getPhoneMasked(), r.getAddress(), r.getRoom(), date(r.getValidFrom()),
                r.getValidTo() == null ? null : date(r.getValidTo()).minusDays(1),
                RowStatus.valueOf(r.getStatus()), Outcome.valueOf(r.getOutcome()),
                r.getMatchedBy() == null ? null : MatchedBy.valueOf(r.getMatchedBy()), r.getResidentId(),
                area == null ? null : places.label(area), r.getCandidateIds().length,
                r.getResolution() == null ? null : Resolution.valueOf(r.getResolution()), r.getReturnReason(),
                r.getResolvedByName(), r.getAppliedAt());
    }

    /** The day a stored start (or the day after a stored end) falls on, in the town's zone. */
    private LocalDate date(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(clock.getZone()).toLocalDate();
    }
}
