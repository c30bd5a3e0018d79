package org.haolin.wish;

import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scopes;
import org.haolin.platform.DomainException;
import org.haolin.resident.InputText;
import org.haolin.wish.internal.CatalogueStore;
import org.haolin.wish.internal.TownAdmins;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** The government service catalogue (星管家): read by those who triage wishes, edited by town administrators. */
@Service
public class ServiceCatalogue {

    private final CatalogueStore store;
    private final Scopes scopes;

    ServiceCatalogue(CatalogueStore store, Scopes scopes) {
        this.store = store;
        this.scopes = scopes;
    }

    public List<ServiceItem> items(HaolinUser user) {
        return store.items(scopes.of(user, Permission.TRIAGE_WISHES).townIds());
    }

    /** An item a triager of its town may route to. */
    public ServiceItem item(HaolinUser user, long itemId) {
        return store.item(itemId).filter(i -> scopes.of(user, Permission.TRIAGE_WISHES).townIds().contains(i.townId()))
                .orElseThrow(() -> DomainException.notFound("wish.service.notFound", itemId));
    }

    @Transactional
    public long add(HaolinUser user, long townId, String name, String provider, Integer hours) {
        if (!TownAdmins.administers(user, townId)) {
            throw DomainException.notFound("wish.service.notFound", townId);
        }
        return store.addItem(townId, required(name, "wish.required.name"), required(provider, "wish.required.provider"),
                hours(hours)).orElseThrow(() -> DomainException.conflict("wish.service.duplicate", name));
    }

    @Transactional
    public void update(HaolinUser user, long itemId, String name, String provider, Integer hours) {
        ServiceItem item = store.item(itemId).filter(i -> TownAdmins.administers(user, i.townId()))
                .orElseThrow(() -> DomainException.notFound("wish.service.notFound", itemId));
        if (!store.updateItem(item, required(name, "wish.required.name"), required(provider, "wish.required.provider"),
                hours(hours))) {
            throw DomainException.conflict("wish.service.duplicate", name);
        }
    }

    private static String required(String raw, String field) {
        String text = InputText.clean(raw);
        if (text.isEmpty() || text.length() > 100) {
            throw DomainException.invalid(field);
        }
        return text;
    }

    private static int hours(Integer hours) {
        if (hours == null || hours < 1 || hours > 8760) {
            throw DomainException.invalid("wish.service.hoursRange");
        }
        return hours;
    }
}
