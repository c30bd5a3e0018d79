package org.haolin.rota;

import org.haolin.access.AuditAction;
import org.haolin.access.AuditTrail;
import org.haolin.access.AuditedObject;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.haolin.rota.internal.RankRules;
import org.haolin.rota.internal.RotaStore;
import org.haolin.workforce.Rank;
import org.haolin.workforce.WorkforceRegister;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which cadre rank covers which seat rank on a rest day (处级顶书记 …), per town. Everyone holding MANAGE_ROTA in a town
 * may read its rules; only those whose grant covers the town area itself (town admin, epidemic office) change them,
 * because the rules bind every residential area's rota. Another town's rules are "not found".
 */
@Service
public class Substitutions {

    private final RotaStore store;
    private final WorkforceRegister register;
    private final AreaTree areas;
    private final Scopes scopes;
    private final AuditTrail audit;

    Substitutions(RotaStore store, WorkforceRegister register, AreaTree areas, Scopes scopes, AuditTrail audit) {
        this.store = store;
        this.register = register;
        this.areas = areas;
        this.scopes = scopes;
        this.audit = audit;
    }

    /** The towns in which the user manages rotas. */
    public List<Area> towns(HaolinUser user) {
        return scope(user).townIds().stream().flatMap(id -> areas.find(id).stream()).toList();
    }

    /** The rules of a town (null: the user's first town). */
    @Transactional(readOnly = true)
    public SubstitutionRules rules(HaolinUser user, Long townId) {
        Area town = town(user, townId);
        List<Map.Entry<String, String>> rows = store.substitutions(town.id());
        List<Rank> ranks = register.ranks();
        Set<RankPair> pairs = (rows.isEmpty() ? pairsOf(RankRules.defaults()) : rows.stream()
                .map(r -> new RankPair(r.getKey(), r.getValue())).collect(Collectors.toSet()));
        return new SubstitutionRules(town.id(), town.name(), rows.isEmpty(), pairs,
                ranks.stream().filter(Rank::cadre).toList(),
                ranks.stream().filter(r -> RankRules.SEAT_RANKS.contains(r.code())).toList(),
                scope(user).covers(town.path()));
    }

    /**
     * Replaces the town's rules with the given pairs in one go. An empty set is refused: the town would fall back to
     * the defaults without anyone saying so.
     */
    @Transactional
    public void change(HaolinUser user, long townId, Collection<RankPair> pairs) {
        Area town = town(user, townId);
        if (!scope(user).covers(town.path())) {
            audit.denied(user, AuditAction.ROTA, object(town));
            throw DomainException.forbidden("rota.substitution.townOnly");
        }
        Set<RankPair> checked = checked(pairs);
        store.replaceSubstitutions(town.id(), checked.stream().map(p -> Map.entry(p.substitute(), p.covered())).toList());
        audit.record(user, AuditAction.ROTA, object(town), "substitutions " + checked.stream().map(RankPair::value)
                .sorted().collect(Collectors.joining(",")));
    }

    private Set<RankPair> checked(Collection<RankPair> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            throw DomainException.invalid("rota.substitution.none");
        }
        Map<String, Rank> ranks = register.ranks().stream().collect(Collectors.toMap(Rank::code, r -> r));
        Set<RankPair> checked = new HashSet<>();
        for (RankPair pair : pairs) {
            for (String code : List.of(pair.substitute(), pair.covered())) {
                if (!ranks.containsKey(code)) {
                    throw DomainException.invalid("rota.substitution.unknownRank", code);
                }
            }
            if (pair.substitute().equals(pair.covered())) {
                throw DomainException.invalid("rota.substitution.sameRank", rank(pair.covered()));
            }
            if (!RankRules.SEAT_RANKS.contains(pair.covered())) {
                throw DomainException.invalid("rota.substitution.notSeat", rank(pair.covered()));
            }
            if (!ranks.get(pair.substitute()).cadre()) {
                // only town cadres stand in for seat holders (the rota gives seats to holders and cadres alone)
                throw DomainException.invalid("rota.substitution.notCadre", rank(pair.substitute()));
            }
            checked.add(pair);
        }
        return checked;
    }

    private Area town(HaolinUser user, Long townId) {
        List<Long> towns = scope(user).townIds();
        long id = townId != null ? townId : towns.stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("area.notFound", 0));
        return areas.find(id).filter(a -> towns.contains(a.id()))
                .orElseThrow(() -> DomainException.notFound("area.notFound", id));
    }

    private static Set<RankPair> pairsOf(RankRules rules) {
        return rules.covers().entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(c -> new RankPair(e.getKey(), c))).collect(Collectors.toSet());
    }

    /** A rank shown in the reader's language in a refusal. */
    private static DefaultMessageSourceResolvable rank(String code) {
        return new DefaultMessageSourceResolvable("rota.rank." + code);
    }

    private static AuditedObject object(Area town) {
        return AuditedObject.of("RANK_SUBSTITUTION", town.id(), town.id(), town.path());
    }

    private Scope scope(HaolinUser user) {
        return scopes.of(user, Permission.MANAGE_ROTA);
    }
}
