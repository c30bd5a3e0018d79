package org.haolin.wish.internal;

import org.haolin.wish.ClaimerOrg;
import org.haolin.wish.ServiceItem;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static haolin.schema.Tables.WISH_CLAIMER_ACCOUNT;
import static haolin.schema.Tables.WISH_CLAIMER_ORG;
import static haolin.schema.Tables.WISH_SERVICE_ITEM;

/** The service catalogue and the claimer organisations with their accounts, per town. */
@Component
public class CatalogueStore {

    private final DSLContext db;

    CatalogueStore(DSLContext db) {
        this.db = db;
    }

    public List<ServiceItem> items(Collection<Long> townIds) {
        return db.selectFrom(WISH_SERVICE_ITEM).where(WISH_SERVICE_ITEM.TOWN_ID.in(townIds))
                .orderBy(WISH_SERVICE_ITEM.TOWN_ID, WISH_SERVICE_ITEM.NAME)
                .fetch(r -> new ServiceItem(r.getId(), r.getTownId(), r.getName(), r.getProvider(), r.getPromisedHours()));
    }

    public Optional<ServiceItem> item(long id) {
        return db.selectFrom(WISH_SERVICE_ITEM).where(WISH_SERVICE_ITEM.ID.eq(id))
                .fetchOptional(r -> new ServiceItem(r.getId(), r.getTownId(), r.getName(), r.getProvider(),
                        r.getPromisedHours()));
    }

    /** Adds an item, or answers empty when the town has one of that name already. */
    public Optional<Long> addItem(long townId, String name, String provider, int hours) {
        return db.insertInto(WISH_SERVICE_ITEM).set(WISH_SERVICE_ITEM.TOWN_ID, townId).set(WISH_SERVICE_ITEM.NAME, name)
                .set(WISH_SERVICE_ITEM.PROVIDER, provider).set(WISH_SERVICE_ITEM.PROMISED_HOURS, hours)
                .onConflictDoNothing().returning(WISH_SERVICE_ITEM.ID).fetchOptional().map(r -> r.getId());
    }

    /** Changes an item; false when the new name is another item's. */
    public boolean updateItem(ServiceItem item, String name, String provider, int hours) {
        try {
            db.update(WISH_SERVICE_ITEM).set(WISH_SERVICE_ITEM.NAME, name).set(WISH_SERVICE_ITEM.PROVIDER, provider)
                    .set(WISH_SERVICE_ITEM.PROMISED_HOURS, hours)
                    .where(WISH_SERVICE_ITEM.TOWN_ID.eq(item.townId()), WISH_SERVICE_ITEM.ID.eq(item.id())).execute();
            return true;
        } catch (IntegrityConstraintViolationException e) {
            return false;
        }
    }

    public List<ClaimerOrg> orgs(Collection<Long> townIds) {
        return db.selectFrom(WISH_CLAIMER_ORG).where(WISH_CLAIMER_ORG.TOWN_ID.in(townIds))
                .orderBy(WISH_CLAIMER_ORG.TOWN_ID, WISH_CLAIMER_ORG.NAME)
                .fetch(r -> new ClaimerOrg(r.getId(), r.getTownId(), r.getName(), ClaimerOrg.Type.valueOf(r.getOrgType())));
    }

    public Optional<ClaimerOrg> org(long id) {
        return db.selectFrom(WISH_CLAIMER_ORG).where(WISH_CLAIMER_ORG.ID.eq(id))
                .fetchOptional(r -> new ClaimerOrg(r.getId(), r.getTownId(), r.getName(),
                        ClaimerOrg.Type.valueOf(r.getOrgType())));
    }

    public Optional<Long> addOrg(long townId, String name, ClaimerOrg.Type type) {
        return db.insertInto(WISH_CLAIMER_ORG).set(WISH_CLAIMER_ORG.TOWN_ID, townId).set(WISH_CLAIMER_ORG.NAME, name)
                .set(WISH_CLAIMER_ORG.ORG_TYPE, type.name()).onConflictDoNothing().returning(WISH_CLAIMER_ORG.ID)
                .fetchOptional().map(r -> r.getId());
    }

    /** An account speaks for one organisation at a time: linking again moves it. */
    public void link(long accountId, ClaimerOrg org) {
        db.insertInto(WISH_CLAIMER_ACCOUNT).set(WISH_CLAIMER_ACCOUNT.ACCOUNT_ID, accountId)
                .set(WISH_CLAIMER_ACCOUNT.TOWN_ID, org.townId()).set(WISH_CLAIMER_ACCOUNT.ORG_ID, org.id())
                .onConflict(WISH_CLAIMER_ACCOUNT.ACCOUNT_ID).doUpdate()
                .set(WISH_CLAIMER_ACCOUNT.TOWN_ID, org.townId()).set(WISH_CLAIMER_ACCOUNT.ORG_ID, org.id()).execute();
    }

    public Optional<ClaimerOrg> orgOf(long accountId) {
        return db.select(WISH_CLAIMER_ORG.asterisk()).from(WISH_CLAIMER_ACCOUNT).join(WISH_CLAIMER_ORG)
                .on(WISH_CLAIMER_ORG.ID.eq(WISH_CLAIMER_ACCOUNT.ORG_ID))
                .where(WISH_CLAIMER_ACCOUNT.ACCOUNT_ID.eq(accountId))
                .fetchOptional(r -> new ClaimerOrg(r.get(WISH_CLAIMER_ORG.ID), r.get(WISH_CLAIMER_ORG.TOWN_ID),
                        r.get(WISH_CLAIMER_ORG.NAME), ClaimerOrg.Type.valueOf(r.get(WISH_CLAIMER_ORG.ORG_TYPE))));
    }
}
