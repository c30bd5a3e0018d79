package org.haolin.workforce;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static haolin.schema.Tables.PROTECTION_ITEM;

/** The protection standard (防护标准): the active checklist items, in order. */
@Service
public class ProtectionStandard {

    private final DSLContext db;

    ProtectionStandard(DSLContext db) {
        this.db = db;
    }

    @Transactional(readOnly = true)
    public List<ProtectionItem> items() {
        return db.select(PROTECTION_ITEM.CODE, PROTECTION_ITEM.NAME_ZH, PROTECTION_ITEM.NAME_EN).from(PROTECTION_ITEM)
                .where(PROTECTION_ITEM.ACTIVE.isTrue()).orderBy(PROTECTION_ITEM.SORT_KEY)
                .fetch(r -> new ProtectionItem(r.value1(), r.value2(), r.value3()));
    }
}
