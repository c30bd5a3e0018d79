package org.haolin.keygroup;

import haolin.schema.tables.records.KeygroupListRecord;
import haolin.schema.tables.records.KeygroupRowRecord;
import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Scope;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.keygroup.internal.ContentHash;
import org.haolin.keygroup.internal.ListLimits;
import org.haolin.keygroup.internal.ListReaders;
import org.haolin.keygroup.internal.ListSheet;
import org.haolin.keygroup.internal.ListStore;
import org.haolin.keygroup.internal.RowChecks;
import org.haolin.keygroup.internal.RowChecks.CheckedRow;
import org.haolin.keygroup.internal.RowMatcher;
import org.haolin.keygroup.internal.RowMatcher.Match;
import org.haolin.keygroup.internal.TownPlaces;
import org.haolin.platform.DomainException;
import org.haolin.resident.InputText;
import org.haolin.resident.Residents;
import org.haolin.resident.Tag;
import org.haolin.resident.TagAssignments;
import org.haolin.resident.TagAssignments.TagEnding;
import org.haolin.resident.TagAssignments.TagOrder;
import org.haolin.resident.TagSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Key-group lists from the town epidemic office (重点人群名单). A list is pushed (JSON, applied at once) or
 * uploaded (.xlsx, shown matched first and applied when the office says so); each row is matched to a
 * resident of the town; applying puts the list's tag on the matched residents, with the list as its source,
 * or ends it for rows whose status is ended. The same list pushed again returns the first one and changes
 * nothing. Rows left ambiguous or unmatched are settled by the people of the area (see {@link KeyGroupRows}).
 */
@Service
public class KeyGroupLists {

    private static final Logger log = LoggerFactory.getLogger(KeyGroupLists.class);

    static final String ORIGIN_API = "API";
    static final String ORIGIN_UPLOAD = "UPLOAD";
    private static final int MAX_TITLE = 200;
    private static final int MAX_REFERENCE = 100;
    private static final int LISTS_SHOWN = 200;

    private final ListStore store;
    private final ListReaders readers;
    private final RowMatcher matcher;
    private final AreaTree areas;
    private final Residents residents;
    private final TagAssignments tags;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    KeyGroupLists(ListStore store, ListReaders readers, RowMatcher matcher, AreaTree areas, Residents residents,
                  TagAssignments tags, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.readers = readers;
        this.matcher = matcher;
        this.areas = areas;
        this.residents = residents;
        this.tags = tags;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The categories a list may be pushed in: the active key-group tags of the catalogue. */
    public List<Tag> categories() {
        return residents.catalogue().stream().filter(t -> t.active() && t.keyGroup()).toList();
    }

    /** A list pushed through the API: matched and applied at once. */
    public Pushed push(HaolinUser user, NewKeyGroupList list) {
        List<Integer> numbers = IntStream.rangeClosed(1, list.rows().size()).boxed().toList();
        return transaction.execute(tx -> store(user, list, numbers, List.of(), ORIGIN_API, true));
    }

    /** A list uploaded as .xlsx: matched and shown; applied when the office presses "apply". */
    public Pushed upload(HaolinUser user, String tagCode, String title, String reference, Long townId, InputStream file) {
        Path temp = null;
        try {
            temp = Files.createTempFile("keygroup-", ".xlsx");
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            requireOffice(user);
            ListSheet.Read read = ListSheet.read(temp);
            NewKeyGroupList list = new NewKeyGroupList(reference, tagCode, title, townId, read.rows());
            return transaction.execute(tx -> store(user, list, read.numbers(), read.problems(), ORIGIN_UPLOAD, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private Pushed store(HaolinUser user, NewKeyGroupList list, List<Integer> numbers, List<ListRowProblem> cellProblems,
                         String origin, boolean applyNow) {
        Area town = town(user, list.townId());
        Tag tag = category(list.tagCode());
        String title = title(list.title());
        String reference = reference(list.reference());
        if (list.rows().isEmpty()) {
            throw DomainException.invalid("keygroup.rows.empty");
        }
        if (list.rows().size() > ListLimits.MAX_ROWS) {
            throw DomainException.invalid("keygroup.rows.tooMany", String.valueOf(ListLimits.MAX_ROWS));
        }
        byte[] hash = ContentHash.of(tag.code(), list.rows());
        var existing = store.existing(town.id(), reference, hash);
        if (existing.isPresent()) {
            return new Pushed(view(user, existing.get()), true);
        }
        long started = System.nanoTime();
        RowChecks checks = new RowChecks();
        List<CheckedRow> rows = checks.check(list.rows(), numbers);
        if (!cellProblems.isEmpty() || !checks.problems().isEmpty()) {
            List<ListRowProblem> all = new ArrayList<>(cellProblems);
            all.addAll(checks.problems());
            throw new ListRefused(all, (int) all.stream().mapToInt(ListRowProblem::row).distinct().count());
        }
        long checked = System.nanoTime();
        TownPlaces places = places(town);
        List<Match> matches = matcher.match(town.id(), readers.office(user), rows, places);
        long matchedAt = System.nanoTime();
        var inserted = store.insert(new ListStore.NewList(town, reference, hash, tag.code(), title, origin,
                rows.size()), user);
        if (inserted.isEmpty()) { // the same list, pushed at the same moment, was stored first
            return new Pushed(view(user, store.existing(town.id(), reference, hash).orElseThrow()), true);
        }
        long listId = inserted.get();
        store.insertRows(listId, places, matches);
        auditPush(user, town, listId, matches);
        long storedAt = System.nanoTime();
        if (applyNow) {
            apply(user, store.list(listId).orElseThrow());
        }
        log.info("Key-group list {}: {} rows, checked {} ms, matched {} ms, stored {} ms, applied {} ms", listId,
                rows.size(), ms(checked - started), ms(matchedAt - checked), ms(storedAt - matchedAt),
                ms(System.nanoTime() - storedAt));
        return new Pushed(view(user, store.list(listId).orElseThrow()), false);
    }

    /** Applies an uploaded list: tags on for its matched rows (ended for rows whose status is ended). */
    public KeyGroupList apply(HaolinUser user, long listId) {
        return transaction.execute(tx -> {
            KeygroupListRecord list = officeList(user, listId);
            if (list.getAppliedAt() != null) {
                return view(user, list); // applied already: pressing again changes nothing
            }
            apply(user, list);
            return view(user, store.list(listId).orElseThrow());
        });
    }

    private void apply(HaolinUser user, KeygroupListRecord list) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        applyRows(user, list, store.toApply(list.getId(), list.getTownId()));
        store.markListApplied(list.getId(), user, now);
        audit.record(user, AuditAction.KEY_GROUP_LIST, listObject(list), "applied");
    }

    /** Puts on (or ends) the list's tag for these rows, which all have a resident; marks them applied. */
    void applyRows(HaolinUser user, KeygroupListRecord list, List<KeygroupRowRecord> rows) {
        List<TagOrder> orders = new ArrayList<>();
        List<TagEnding> endings = new ArrayList<>();
        for (KeygroupRowRecord row : rows) {
            if (RowStatus.ENDED.name().equals(row.getStatus())) {
                endings.add(new TagEnding(row.getResidentId(), list.getTagCode()));
            } else {
                orders.add(new TagOrder(row.getResidentId(), list.getTagCode(), row.getValidFrom(), row.getValidTo()));
            }
        }
        tags.assign(user, orders, TagSource.OFFICE_LIST, sourceRef(list));
        tags.end(user, endings, sourceRef(list) + " " + list.getTitle());
        store.markApplied(rows.stream().map(KeygroupRowRecord::getId).toList(), OffsetDateTime.now(clock));
    }

    static String sourceRef(KeygroupListRecord list) {
        return "list:" + list.getId();
    }

    /** The lists with rows the person may see, newest first, counted over those rows. */
    public List<KeyGroupList> lists(HaolinUser user) {
        Scope rows = readers.rows(user);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<KeygroupListRecord> lists = store.visibleLists(rows, LISTS_SHOWN);
        Map<Long, ListCounts> counts = store.counts(lists.stream().map(KeygroupListRecord::getId).toList(), rows);
        return lists.stream().map(l -> view(l, counts.get(l.getId()))).toList();
    }

    /** One list's progress, overall and per residential area, over the rows the person may see. */
    public ListProgress progress(HaolinUser user, long listId) {
        KeygroupListRecord list = visible(user, listId);
        Scope rows = readers.rows(user);
        audit.record(user, AuditAction.KEY_GROUP_LIST, listObject(list), "progress");
        return new ListProgress(view(user, list), store.perArea(listId, list.getTownId(), rows),
                readers.office(user).covers(list.getAreaPath()) && list.getAppliedAt() == null);
    }

    /**
     * For the cockpit: rows of the office's lists still waiting for a person (ambiguous or unmatched, not
     * settled or returned) in the viewer's scope, per list and per residential area.
     */
    public WaitingRows waiting(HaolinUser viewer) {
        Scope scope = readers.cockpit(viewer);
        return scope.isEmpty() ? new WaitingRows(List.of(), List.of()) : store.waitingCounts(scope);
    }

    /** A list the person may see (some of its rows lie in their scope), or "not found". */
    KeygroupListRecord visible(HaolinUser user, long listId) {
        return store.list(listId)
                .filter(l -> store.anyRowIn(l.getId(), l.getTownId(), readers.rows(user)))
                .orElseThrow(() -> DomainException.notFound("keygroup.list.notFound", listId));
    }

    private KeygroupListRecord officeList(HaolinUser user, long listId) {
        return store.list(listId).filter(l -> readers.office(user).covers(l.getAreaPath()))
                .orElseThrow(() -> DomainException.notFound("keygroup.list.notFound", listId));
    }

    private KeyGroupList view(HaolinUser user, KeygroupListRecord list) {
        return view(list, store.counts(List.of(list.getId()), readers.rows(user)).get(list.getId()));
    }

    private KeyGroupList view(KeygroupListRecord l, ListCounts counts) {
        String tagName = residents.catalogue().stream().filter(t -> t.code().equals(l.getTagCode()))
                .map(t -> t.name(org.springframework.context.i18n.LocaleContextHolder.getLocale())).findFirst()
                .orElse(l.getTagCode());
        return new KeyGroupList(l.getId(), l.getTownId(), l.getTitle(), l.getTagCode(), tagName, l.getOrigin(),
                l.getReference(), l.getRowCount(), l.getCreatedByName(), l.getCreatedAt(), l.getAppliedAt(),
                counts == null ? new ListCounts(0, 0, 0, 0, 0, 0, 0) : counts);
    }

    /** The town the list is for: the one the office serves, or the one it names when it serves several. */
    private Area town(HaolinUser user, Long townId) {
        Scope office = requireOffice(user);
        List<Long> towns = office.townIds();
        long chosen;
        if (townId != null) {
            if (!towns.contains(townId)) {
                throw DomainException.notFound("area.notFound", townId);
            }
            chosen = townId;
        } else if (towns.size() == 1) {
            chosen = towns.getFirst();
        } else {
            throw DomainException.invalid("keygroup.town.choose");
        }
        Area town = areas.find(chosen).orElseThrow(() -> DomainException.notFound("area.notFound", chosen));
        if (!office.covers(town.path())) { // an office of one residential area only pushes for the whole town
            throw DomainException.forbidden("keygroup.office.wholeTown");
        }
        return town;
    }

    private Scope requireOffice(HaolinUser user) {
        Scope office = readers.office(user);
        if (office.isEmpty()) {
            throw DomainException.forbidden("keygroup.office.only");
        }
        return office;
    }

    TownPlaces places(Area town) {
        List<Area> below = new ArrayList<>();
        for (AreaLevel level : List.of(AreaLevel.RESIDENTIAL_AREA, AreaLevel.COMPOUND, AreaLevel.BUILDING,
                AreaLevel.STAIRWELL)) {
            below.addAll(areas.descendants(town, level));
        }
        return new TownPlaces(town, below);
    }

    private Tag category(String code) {
        String clean = InputText.compact(code).toUpperCase(Locale.ROOT);
        return categories().stream().filter(t -> t.code().equals(clean)).findFirst()
                .orElseThrow(() -> DomainException.invalid("keygroup.tag.unknown", clean));
    }

    private static String title(String raw) {
        String title = InputText.clean(raw);
        if (title.isEmpty()) {
            throw DomainException.invalid("keygroup.title.required");
        }
        if (title.length() > MAX_TITLE) {
            throw DomainException.invalid("keygroup.title.tooLong", MAX_TITLE);
        }
        return title;
    }

    private static String reference(String raw) {
        String reference = InputText.clean(raw);
        if (reference.length() > MAX_REFERENCE) {
            throw DomainException.invalid("keygroup.reference.tooLong", MAX_REFERENCE);
        }
        return reference.isEmpty() ? null : reference;
    }

    /** The list itself, and every resident matching looked at (matched or candidate). */
    private void auditPush(HaolinUser user, Area town, long listId, List<Match> matches) {
        long matched = matches.stream().filter(m -> m.outcome() == Outcome.MATCHED).count();
        long ambiguous = matches.stream().filter(m -> m.outcome() == Outcome.AMBIGUOUS).count();
        String summary = matches.size() + " rows: " + matched + " matched, " + ambiguous + " ambiguous, "
                + (matches.size() - matched - ambiguous) + " unmatched";
        audit.record(user, AuditAction.KEY_GROUP_LIST, AuditedObject.of("KEYGROUP_LIST", listId, town.id(), town.path()),
                summary);
        audit.recordAll(user, AuditAction.KEY_GROUP_LIST, matches.stream().flatMap(m -> m.candidates().stream())
                .map(h -> AuditedObject.of("RESIDENT", h.id(), town.id(), h.areaPath())).distinct().toList(),
                "list:" + listId + " matching");
    }

    static AuditedObject listObject(KeygroupListRecord list) {
        return AuditedObject.of("KEYGROUP_LIST", list.getId(), list.getTownId(), list.getAreaPath());
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is removed with the temp directory
            }
        }
    }
}
