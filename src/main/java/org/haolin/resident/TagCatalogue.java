package org.haolin.resident;

import haolin.schema.tables.records.TagRecord;
import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.platform.DomainException;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;

import static haolin.schema.Tables.TAG;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.val;

/**
 * The tag catalogue as town administrators keep it: names in both languages, new tags, retiring a tag
 * (it leaves the pickers; every resident's history with it stays). Codes never change once made, since
 * imports and reports name tags by code. Every change is audited.
 */
@Service
public class TagCatalogue {

    static final int MAX_NAME_ZH = 40;
    static final int MAX_NAME_EN = 80;

    private final DSLContext db;
    private final Scopes scopes;
    private final AuditTrail audit;

    TagCatalogue(DSLContext db, Scopes scopes, AuditTrail audit) {
        this.db = db;
        this.scopes = scopes;
        this.audit = audit;
    }

    /** Every tag, retired ones too, by category and sort order. */
    public List<Tag> all(HaolinUser user) {
        requireManager(user);
        return db.selectFrom(TAG).orderBy(TAG.CATEGORY, TAG.SORT_KEY, TAG.ID).fetch(TagCatalogue::toTag);
    }

    @Transactional
    public Tag add(HaolinUser user, String code, String category, String nameZh, String nameEn) {
        requireManager(user);
        String cleanCode = code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (!cleanCode.matches("[A-Z][A-Z0-9_]{1,40}")) {
            throw DomainException.invalid("tagAdmin.code.invalid");
        }
        TagCategory tagCategory = category(category);
        String zh = nameZh(nameZh);
        String en = nameEn(nameEn);
        if (db.fetchExists(TAG, TAG.CODE.eq(cleanCode))) {
            throw DomainException.conflict("tagAdmin.code.taken", cleanCode);
        }
        TagRecord tag = db.insertInto(TAG)
                .set(TAG.CODE, cleanCode).set(TAG.CATEGORY, tagCategory.name())
                .set(TAG.NAME_ZH, zh).set(TAG.NAME_EN, en)
                .set(TAG.SORT_KEY, db.select(coalesce(max(TAG.SORT_KEY), val(0)).plus(1)).from(TAG)
                        .where(TAG.CATEGORY.eq(tagCategory.name())).asField())
                .returning().fetchOne();
        record(user, tag, "added " + cleanCode);
        return toTag(tag);
    }

    @Transactional
    public Tag rename(HaolinUser user, long tagId, String nameZh, String nameEn) {
        requireManager(user);
        TagRecord tag = existing(tagId);
        String zh = nameZh(nameZh);
        String en = nameEn(nameEn);
        tag.setNameZh(zh);
        tag.setNameEn(en);
        tag.update();
        record(user, tag, "renamed " + tag.getCode());
        return toTag(tag);
    }

    /** Sets what the tag asks of the people around a resident who carries it. Assignments already made keep their end. */
    @Transactional
    public Tag changeRule(HaolinUser user, long tagId, TagRule rule) {
        requireManager(user);
        TagRecord tag = existing(tagId);
        Integer days = rule.attentionDays();
        if (days != null && (days < 1 || days > TagRule.MAX_ATTENTION_DAYS)) {
            throw DomainException.invalid("tagAdmin.attentionDays.invalid", TagRule.MAX_ATTENTION_DAYS);
        }
        if (!TagRule.NOTIFIABLE_ROLES.containsAll(rule.notifyRoles())) {
            throw DomainException.invalid("tagAdmin.notifyRoles.invalid");
        }
        tag.setAttentionDays(days);
        tag.setDoorToDoor(rule.doorToDoor());
        tag.setScreenSeparately(rule.screenSeparately());
        tag.setNotifyRoles(rule.notifyRoles().stream().map(Enum::name).sorted().toArray(String[]::new));
        tag.update();
        record(user, tag, "rule of " + tag.getCode() + ": " + rule);
        return toTag(tag);
    }

    /** Retires (false) or brings back (true) a tag. Current assignments stay; new ones need an active tag. */
    @Transactional
    public Tag setActive(HaolinUser user, long tagId, boolean active) {
        requireManager(user);
        TagRecord tag = existing(tagId);
        tag.setActive(active);
        tag.update();
        record(user, tag, (active ? "reactivated " : "retired ") + tag.getCode());
        return toTag(tag);
    }

    private void requireManager(HaolinUser user) {
        if (scopes.of(user, Permission.MANAGE_TAGS).isEmpty()) {
            throw DomainException.forbidden("access.denied");
        }
    }

    private TagRecord existing(long tagId) {
        TagRecord tag = db.selectFrom(TAG).where(TAG.ID.eq(tagId)).fetchOne();
        if (tag == null) {
            throw DomainException.notFound("tagAdmin.notFound", tagId);
        }
        return tag;
    }

    private static TagCategory category(String category) {
        try {
            return TagCategory.valueOf(category == null ? "" : category.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("tagAdmin.category.invalid");
        }
    }

    private static String nameZh(String raw) {
        String name = InputText.clean(raw);
        if (name.isEmpty() || name.length() > MAX_NAME_ZH) {
            throw DomainException.invalid("tagAdmin.nameZh.invalid", MAX_NAME_ZH);
        }
        return name;
    }

    private static String nameEn(String raw) {
        String name = InputText.clean(raw);
        if (name.isEmpty() || name.length() > MAX_NAME_EN) {
            throw DomainException.invalid("tagAdmin.nameEn.invalid", MAX_NAME_EN);
        }
        return name;
    }

    private void record(HaolinUser user, TagRecord tag, String what) {
        audit.record(user, AuditAction.UPDATE, AuditedObject.of("TAG", tag.getId(), null, null), what);
    }

    private static Tag toTag(TagRecord t) {
        return Tag.from(t);
    }
}
