package org.haolin.workforce;

import org.haolin.access.Accounts;
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
import org.haolin.platform.DomainException;
import org.haolin.platform.Masking;
import org.haolin.platform.SensitiveData;
import org.haolin.resident.InputText;
import org.haolin.resident.Residents;
import org.haolin.workforce.internal.PersonRow;
import org.haolin.workforce.internal.WorkforceStore;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static haolin.schema.Tables.WORKFORCE_PERSON;

/**
 * The workforce (一核四维) as those holding MANAGE_WORKFORCE over a residential area (or the town, for its cadres)
 * see and change it: organisations, people, their links to a resident and an account, training. Every read and
 * change is audited; anything outside the reader's scope is "not found".
 */
@Service
public class WorkforceRegister {

    static final String PERSON = "WORKFORCE_PERSON";
    private static final int MAX_SKILLS = 12;

    private final WorkforceStore store;
    private final AreaTree areas;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final SensitiveData sensitive;
    private final Residents residents;
    private final Accounts accounts;
    private final MessageSource messages;
    private final Clock clock;

    WorkforceRegister(WorkforceStore store, AreaTree areas, Scopes scopes, AuditTrail audit, SensitiveData sensitive,
                      Residents residents, Accounts accounts, MessageSource messages, Clock clock) {
        this.store = store;
        this.areas = areas;
        this.scopes = scopes;
        this.audit = audit;
        this.sensitive = sensitive;
        this.residents = residents;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    public List<Rank> ranks() {
        return store.ranks();
    }

    /** The areas whose workforce the person manages: towns (their cadres) and residential areas, top down. */
    public List<Area> areas(HaolinUser user) {
        return scope(user).grants().stream().flatMap(g -> areas.find(g.areaId()).stream())
                .flatMap(root -> root.level() == AreaLevel.RESIDENTIAL_AREA ? Stream.of(root)
                        : root.level().compareTo(AreaLevel.RESIDENTIAL_AREA) < 0
                        ? Stream.concat(areas.descendants(root, AreaLevel.TOWN).stream(),
                        areas.descendants(root, AreaLevel.RESIDENTIAL_AREA).stream()) : Stream.empty())
                .distinct().sorted(java.util.Comparator.comparing(Area::path)).toList();
    }

    /** Every managed area with its organisations and people, for the overview. */
    @Transactional
    public List<AreaWorkforce> overview(HaolinUser user) {
        List<AreaWorkforce> all = areas(user).stream().map(this::workforceOf).toList();
        audit.record(user, AuditAction.LIST, AuditedObject.of(PERSON, null, null, null),
                all.stream().mapToInt(a -> a.people().size()).sum() + " people");
        return all;
    }

    /** One area's workforce; a residential area gets its five organisations on the first visit. */
    @Transactional
    public AreaWorkforce area(HaolinUser user, long areaId) {
        Area area = managed(user, areaId);
        AreaWorkforce workforce = workforceOf(area);
        audit.record(user, AuditAction.LIST, AuditedObject.of(PERSON, null, area.townId(), area.path()),
                workforce.people().size() + " people");
        return workforce;
    }

    @Transactional
    public void renameOrganisation(HaolinUser user, long organisationId, String name) {
        Organisation organisation = store.organisation(organisationId)
                .filter(o -> scope(user).covers(o.areaPath()))
                .orElseThrow(() -> DomainException.notFound("workforce.organisation.notFound", organisationId));
        String clean = text(name, 80, "workforce.field.organisationName");
        if (store.nameTaken(organisation.areaId(), organisation.kind(), clean, organisationId)) {
            throw DomainException.conflict("workforce.organisation.nameTaken", clean);
        }
        store.rename(organisationId, clean);
        audit.record(user, AuditAction.WORKFORCE, AuditedObject.of("WORKFORCE_ORGANISATION", organisationId,
                organisation.townId(), organisation.areaPath()), "renamed");
    }

    @Transactional
    public Person person(HaolinUser user, long personId) {
        Person person = managedPerson(user, personId);
        audit.record(user, AuditAction.READ, object(person), null);
        return person;
    }

    @Transactional
    public long add(HaolinUser user, long areaId, PersonForm form) {
        Area area = managed(user, areaId);
        PersonRow row = checked(user, area, form, 0L, true);
        long id = store.insert(area, row, OffsetDateTime.now(clock));
        Person person = store.person(id).orElseThrow();
        store.setMemberships(person, organisations(area, form.organisationIds()));
        audit.record(user, AuditAction.WORKFORCE, object(person), "added");
        return id;
    }

    @Transactional
    public void update(HaolinUser user, long personId, int version, PersonForm form) {
        Person person = managedPerson(user, personId);
        Area area = areas.find(person.areaId()).orElseThrow();
        PersonRow row = checked(user, area, form, personId, false);
        if (!store.update(personId, version, row)) {
            throw DomainException.conflict("workforce.person.changedMeanwhile", person.name());
        }
        store.setMemberships(person, organisations(area, form.organisationIds()));
        audit.record(user, AuditAction.WORKFORCE, object(person), "updated");
    }

    /** The version a form must carry back, so two people editing at once do not overwrite each other. */
    public int version(HaolinUser user, long personId) {
        return store.version(managedPerson(user, personId).id());
    }

    /** The full phone, for those who may unmask in the person's area, for a stated reason; audited either way. */
    @Transactional
    public String unmaskPhone(HaolinUser user, long personId, String reason) {
        Person person = managedPerson(user, personId);
        if (!scopes.of(user, Permission.UNMASK).covers(person.areaPath())) {
            audit.denied(user, AuditAction.UNMASK, object(person));
            throw DomainException.forbidden("unmask.notAllowed");
        }
        String why = InputText.clean(reason);
        if (why.length() < 2) {
            throw DomainException.invalid("unmask.reason.required");
        }
        audit.record(user, AuditAction.UNMASK, object(person), why);
        return store.phone(personId).filter(p -> p != null).map(sensitive::decrypt).orElse("");
    }

    /** Accounts holding a role in the person's area (or inside it): the ones the person may be linked to. */
    public List<LinkableAccount> linkableAccounts(HaolinUser user, long areaId) {
        Area area = managed(user, areaId);
        return accounts.holdingRolesInside(area.townId(), area.path()).stream()
                .map(a -> new LinkableAccount(a.accountId(), a.displayName())).toList();
    }

    @Transactional
    public long addTraining(HaolinUser user, long personId, String course, LocalDate completedOn, String note) {
        Person person = managedPerson(user, personId);
        String cleanCourse = text(course, 80, "workforce.field.course");
        if (completedOn == null || completedOn.isAfter(LocalDate.now(clock))) {
            throw DomainException.invalid("workforce.field.completedOn");
        }
        String cleanNote = InputText.clean(note);
        if (cleanNote.length() > 500) {
            throw DomainException.invalid("workforce.field.note");
        }
        long id = store.addTraining(person, cleanCourse, completedOn, cleanNote.isEmpty() ? null : cleanNote,
                user.displayName(), OffsetDateTime.now(clock));
        audit.record(user, AuditAction.VOLUNTEER, object(person), "training " + id);
        return id;
    }

    public List<Training> trainings(HaolinUser user, long personId) {
        return store.trainings(managedPerson(user, personId).id());
    }

    // --- shared with Volunteers ---

    Scope scope(HaolinUser user) {
        return scopes.of(user, Permission.MANAGE_WORKFORCE);
    }

    /** A town or residential area inside the person's MANAGE_WORKFORCE scope, else "not found". */
    Area managed(HaolinUser user, long areaId) {
        return areas.find(areaId)
                .filter(a -> a.level() == AreaLevel.TOWN || a.level() == AreaLevel.RESIDENTIAL_AREA)
                .filter(a -> scope(user).covers(a.path()))
                .orElseThrow(() -> DomainException.notFound("area.notFound", areaId));
    }

    Person managedPerson(HaolinUser user, long personId) {
        return store.person(personId).filter(p -> scope(user).covers(p.areaPath()))
                .orElseThrow(() -> DomainException.notFound("workforce.person.notFound", personId));
    }

    /** The area's organisations, the five added first when it is a residential area without them. */
    List<Organisation> organisationsOf(Area area) {
        if (area.level() == AreaLevel.RESIDENTIAL_AREA) {
            Map<OrganisationKind, String> names = new EnumMap<>(OrganisationKind.class);
            for (OrganisationKind kind : OrganisationKind.values()) {
                // stored data, in the language of the community it serves
                names.put(kind, messages.getMessage("workforce.organisation.default." + kind,
                        new Object[] {area.name()}, Locale.SIMPLIFIED_CHINESE));
            }
            store.addMissingOrganisations(area, names);
        }
        return store.organisations(area.id());
    }

    static AuditedObject object(Person p) {
        return AuditedObject.of(PERSON, p.id(), p.townId(), p.areaPath());
    }

    private AreaWorkforce workforceOf(Area area) {
        return new AreaWorkforce(area, organisationsOf(area),
                store.people(WORKFORCE_PERSON.TOWN_ID.eq(area.townId()).and(WORKFORCE_PERSON.AREA_ID.eq(area.id()))));
    }

    private List<Long> organisations(Area area, List<Long> chosen) {
        List<Long> ofArea = organisationsOf(area).stream().map(Organisation::id).toList();
        if (!ofArea.containsAll(chosen)) {
            throw DomainException.invalid("workforce.field.organisations");
        }
        return chosen.stream().distinct().toList();
    }

    /** Checks every field, naming the first that is wrong, and the links (one person per resident or account). */
    private PersonRow checked(HaolinUser user, Area area, PersonForm form, long personId, boolean adding) {
        String name = text(form.name(), 60, "workforce.field.name");
        String rank = form.rankCode() == null || form.rankCode().isBlank() ? null : form.rankCode();
        if (rank != null && store.ranks().stream().noneMatch(r -> r.code().equals(rank))) {
            throw DomainException.invalid("workforce.field.rank");
        }
        List<String> skills = skills(form.skills());
        String phone = phone(form.phone());
        int hours = form.maxHoursWeek() == null ? 48 : form.maxHoursWeek();
        if (hours < 1 || hours > 84) {
            throw DomainException.invalid("workforce.field.maxHoursWeek");
        }
        checkLinks(user, area, form, personId);
        return new PersonRow(name, rank, skills, phone == null ? null : sensitive.encrypt(phone),
                phone == null ? null : Masking.phone(phone), form.residentId(), form.accountId(),
                Boolean.TRUE.equals(form.partyMember()), Boolean.TRUE.equals(form.partyRegistered()), hours,
                adding || Boolean.TRUE.equals(form.active()));
    }

    private void checkLinks(HaolinUser user, Area area, PersonForm form, long personId) {
        if (form.residentId() != null) {
            // read through the resident module: in scope for the reader, and living inside the person's area
            var detail = residents.detail(user, form.residentId());
            if (detail.lineage().stream().noneMatch(a -> a.id() == area.id())) {
                throw DomainException.invalid("workforce.field.resident");
            }
        }
        if (form.accountId() != null && accounts.holdingRolesInside(area.townId(), area.path()).stream()
                .noneMatch(a -> a.accountId() == form.accountId())) {
            throw DomainException.invalid("workforce.field.account");
        }
        if (store.linkTaken(area.townId(), form.residentId(), null, personId)) {
            throw DomainException.conflict("workforce.person.residentTaken");
        }
        if (store.linkTaken(area.townId(), null, form.accountId(), personId)) {
            throw DomainException.conflict("workforce.person.accountTaken");
        }
    }

    static String text(String raw, int max, String key) {
        String text = InputText.clean(raw);
        if (text.isEmpty() || text.length() > max) {
            throw DomainException.invalid(key);
        }
        return text;
    }

    /** Free tags separated by commas (either width), 、, semicolons or spaces; each at most 20 characters. */
    private static List<String> skills(String raw) {
        List<String> skills = raw == null ? List.of() : Arrays.stream(raw.split("[,，、;；\\s]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (skills.size() > MAX_SKILLS || skills.stream().anyMatch(s -> s.length() > 20)) {
            throw DomainException.invalid("workforce.field.skills");
        }
        return skills;
    }

    private static String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String phone = InputText.phone(raw);
        if (!InputText.isPhone(phone)) {
            throw DomainException.invalid("workforce.field.phone");
        }
        return phone;
    }
}
