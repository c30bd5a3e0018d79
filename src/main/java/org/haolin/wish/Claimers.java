package org.haolin.wish;

import org.haolin.access.HaolinUser;
import org.haolin.access.Role;
import org.haolin.platform.DomainException;
import org.haolin.resident.InputText;
import org.haolin.wish.internal.CatalogueStore;
import org.haolin.wish.internal.TownAdmins;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Claimer organisations (government, social, market) and which claimer account speaks for which. The accounts
 * themselves are made like any other (role CLAIMER on the town); a town administrator links them here.
 */
@Service
public class Claimers {

    private final CatalogueStore store;

    Claimers(CatalogueStore store) {
        this.store = store;
    }

    public List<ClaimerOrg> orgs(HaolinUser user) {
        return store.orgs(user.grants().stream().filter(g -> g.role() == Role.TOWN_ADMIN).map(g -> g.townId())
                .distinct().toList());
    }

    @Transactional
    public long addOrg(HaolinUser user, long townId, String name, ClaimerOrg.Type type) {
        if (!TownAdmins.administers(user, townId)) {
            throw DomainException.notFound("wish.org.notFound", townId);
        }
        String clean = InputText.clean(name);
        if (clean.isEmpty() || clean.length() > 100 || type == null) {
            throw DomainException.invalid("wish.required.name");
        }
        return store.addOrg(townId, clean, type).orElseThrow(() -> DomainException.conflict("wish.org.duplicate", clean));
    }

    /** Links a claimer account of the organisation's town to it. */
    @Transactional
    public void link(HaolinUser user, long orgId, HaolinUser claimer) {
        ClaimerOrg org = store.org(orgId).filter(o -> TownAdmins.administers(user, o.townId()))
                .orElseThrow(() -> DomainException.notFound("wish.org.notFound", orgId));
        boolean claimerThere = claimer.grants().stream()
                .anyMatch(g -> g.role() == Role.CLAIMER && g.townId() == org.townId());
        if (!claimerThere) {
            throw DomainException.invalid("wish.org.notClaimer", claimer.username());
        }
        store.link(claimer.accountId(), org);
    }

    public Optional<ClaimerOrg> orgOf(HaolinUser claimer) {
        return store.orgOf(claimer.accountId());
    }
}
