package org.haolin.inspection.internal;

import org.haolin.inspection.InspectionItem;
import org.haolin.platform.DomainException;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static haolin.schema.Tables.INSPECTION_ITEM;

/** The supervision checklist: seeded reference data, read once. */
@Component
public class ItemCatalogue {

    private final DSLContext db;
    private volatile List<InspectionItem> items;

    ItemCatalogue(DSLContext db) {
        this.db = db;
    }

    public List<InspectionItem> items() {
        if (items == null) {
            items = db.selectFrom(INSPECTION_ITEM).orderBy(INSPECTION_ITEM.POSITION)
                    .fetch(r -> new InspectionItem(r.getCode(), r.getNameZh(), r.getNameEn()));
        }
        return items;
    }

    public Map<String, InspectionItem> byCode() {
        return items().stream().collect(Collectors.toMap(InspectionItem::code, Function.identity()));
    }

    public InspectionItem item(String code) {
        InspectionItem item = byCode().get(code);
        if (item == null) {
            throw DomainException.invalid("inspection.item.unknown", code);
        }
        return item;
    }
}
