package org.haolin.pairing;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.pairing.internal.PairingAccess;
import org.haolin.pairing.internal.PairingRules;
import org.haolin.platform.DomainException;
import org.haolin.resident.Residents;
import org.haolin.resident.Tag;
import org.haolin.resident.TagCategory;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static haolin.schema.Tables.PAIRING;
import static haolin.schema.Tables.PAIRING_EXTRA_TAG;
import static haolin.schema.Tables.PAIRING_FREQUENCY;

/**
 * The rules behind pairings, as staff edit them: how often a helper must be in touch per tag (the frequency
 * table, for the whole deployment: those who manage the tag catalogue edit it), and which tags besides the
 * hardship ones each residential area wants paired. A change brings the due times of current pairings in step.
 */
@Service
public class PairingRuleBook {

    /** A tag and the check-in frequency it asks for (null: the weekly default). */
    public record TagFrequency(Tag tag, Integer everyDays) {
    }

    /** A residential area and the tags besides hardship it pairs. */
    public record AreaExtraTags(Area area, List<Tag> tags) {
    }

    private final DSLContext db;
    private final Scopes scopes;
    private final AuditTrail audit;
    private final PairingAccess access;
    private final PairingRules rules;
    private final Residents residents;
    private final Clock clock;

    PairingRuleBook(DSLContext db, Scopes scopes, AuditTrail audit, PairingAccess access, PairingRules rules,
                    Residents residents, Clock clock) {
        this.db = db;
        this.scopes = scopes;
        this.audit = audit;
        this.access = access;
        this.rules = rules;
        this.residents = residents;
        this.clock = clock;
    }

    /** Every active tag with its frequency: hardship tags first, as the catalogue orders them. */
    @Transactional(readOnly = true)
    public List<TagFrequency> frequencies() {
        Map<String, Integer> days = db.selectFrom(PAIRING_FREQUENCY)
                .fetchMap(PAIRING_FREQUENCY.TAG_CODE, PAIRING_FREQUENCY.EVERY_DAYS);
        return residents.catalogue().stream().filter(Tag::active)
                .sorted(Comparator.comparing((Tag t) -> t.category() != TagCategory.HARDSHIP))
                .map(t -> new TagFrequency(t, days.get(t.code()))).toList();
    }

    public boolean mayEditFrequencies(HaolinUser user) {
        return !scopes.of(user, Permission.MANAGE_TAGS).isEmpty();
    }

    /** Sets (1–365 days) or clears (null: weekly) a tag's frequency; due times of current pairings follow. */
    @Transactional
    public void setFrequency(HaolinUser user, String tagCode, Integer everyDays) {
        if (!mayEditFrequencies(user)) {
            throw DomainException.forbidden("access.denied");
        }
        Tag tag = activeTag(tagCode);
        if (everyDays == null) {
            db.deleteFrom(PAIRING_FREQUENCY).where(PAIRING_FREQUENCY.TAG_CODE.eq(tag.code())).execute();
        } else if (everyDays < 1 || everyDays > 365) {
            throw DomainException.invalid("pairing.rules.everyDays.invalid", tag.code());
        } else {
            db.insertInto(PAIRING_FREQUENCY).set(PAIRING_FREQUENCY.TAG_CODE, tag.code())
                    .set(PAIRING_FREQUENCY.EVERY_DAYS, everyDays)
                    .onConflict(PAIRING_FREQUENCY.TAG_CODE).doUpdate().set(PAIRING_FREQUENCY.EVERY_DAYS, everyDays)
                    .execute();
        }
        audit.record(user, AuditAction.UPDATE, AuditedObject.of("TAG", tag.id(), null, null),
                "check-in frequency of " + tag.code() + ": " + (everyDays == null ? "weekly" : everyDays + " days"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.selectDistinct(PAIRING.TOWN_ID).from(PAIRING).where(PAIRING.ENDED_AT.isNull())
                .fetch(PAIRING.TOWN_ID).forEach(town -> rules.refreshFrequencies(town, now));
    }

    /** The residential areas the person pairs residents in, each with its extra tags. */
    @Transactional(readOnly = true)
    public List<AreaExtraTags> extraTags(HaolinUser user) {
        Map<String, Tag> byCode = tagsByCode();
        return access.residentialAreas(user).stream().map(area -> new AreaExtraTags(area,
                db.select(PAIRING_EXTRA_TAG.TAG_CODE).from(PAIRING_EXTRA_TAG)
                        .where(PAIRING_EXTRA_TAG.TOWN_ID.eq(area.townId()), PAIRING_EXTRA_TAG.AREA_ID.eq(area.id()))
                        .fetch(PAIRING_EXTRA_TAG.TAG_CODE).stream().map(byCode::get).toList())).toList();
    }

    /** The tags an area may add: active, and not hardship (those are always paired). */
    public List<Tag> addableTags() {
        return residents.catalogue().stream().filter(t -> t.active() && t.category() != TagCategory.HARDSHIP).toList();
    }

    /** The area's residents with this tag must be paired too (adding it again changes nothing). */
    @Transactional
    public void addExtraTag(HaolinUser user, long areaId, String tagCode) {
        Area area = access.residentialArea(user, areaId);
        Tag tag = activeTag(tagCode);
        if (tag.category() == TagCategory.HARDSHIP) {
            throw DomainException.invalid("pairing.rules.extra.hardship", tag.code());
        }
        db.insertInto(PAIRING_EXTRA_TAG).set(PAIRING_EXTRA_TAG.TOWN_ID, area.townId())
                .set(PAIRING_EXTRA_TAG.AREA_ID, area.id()).set(PAIRING_EXTRA_TAG.AREA_PATH, area.path())
                .set(PAIRING_EXTRA_TAG.TAG_CODE, tag.code()).set(PAIRING_EXTRA_TAG.ADDED_BY_NAME, user.displayName())
                .set(PAIRING_EXTRA_TAG.ADDED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing().execute();
        changed(user, area, "pairs " + tag.code() + " too");
    }

    /** The tag no longer calls for pairing in the area (current pairings stay; they fall back to weekly). */
    @Transactional
    public void removeExtraTag(HaolinUser user, long areaId, String tagCode) {
        Area area = access.residentialArea(user, areaId);
        db.deleteFrom(PAIRING_EXTRA_TAG).where(PAIRING_EXTRA_TAG.TOWN_ID.eq(area.townId()),
                PAIRING_EXTRA_TAG.AREA_ID.eq(area.id()), PAIRING_EXTRA_TAG.TAG_CODE.eq(tagCode)).execute();
        changed(user, area, "no longer pairs " + tagCode);
    }

    private void changed(HaolinUser user, Area area, String what) {
        audit.record(user, AuditAction.PAIRING, AuditedObject.of("AREA", area.id(), area.townId(), area.path()), what);
        rules.refreshFrequencies(area.townId(), OffsetDateTime.now(clock));
    }

    private Tag activeTag(String code) {
        Tag tag = tagsByCode().get(code == null ? "" : code.strip());
        if (tag == null || !tag.active()) {
            throw DomainException.invalid("tag.unknown", code);
        }
        return tag;
    }

    private Map<String, Tag> tagsByCode() {
        return residents.catalogue().stream().collect(Collectors.toMap(Tag::code, t -> t));
    }
}
