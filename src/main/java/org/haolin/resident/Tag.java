package org.haolin.resident;

import haolin.schema.tables.records.TagRecord;
import org.haolin.access.Role;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A catalogue entry and the rule it carries. */
public record Tag(long id, String code, TagCategory category, String nameZh, String nameEn, boolean active,
                  TagRule rule) {

    public Tag {
        rule = rule == null ? TagRule.NONE : rule;
    }

    public Tag(long id, String code, TagCategory category, String nameZh, String nameEn, boolean active) {
        this(id, code, category, nameZh, nameEn, active, TagRule.NONE);
    }

    static Tag from(TagRecord t) {
        TagRule rule = new TagRule(t.getAttentionDays(), t.getDoorToDoor(), t.getScreenSeparately(),
                Arrays.stream(t.getNotifyRoles()).map(Role::valueOf).collect(Collectors.toSet()));
        return new Tag(t.getId(), t.getCode(), TagCategory.valueOf(t.getCategory()), t.getNameZh(), t.getNameEn(),
                t.getActive(), rule);
    }

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    public boolean keyGroup() {
        return category == TagCategory.KEY_GROUP;
    }
}
