package org.haolin.access;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.List;

/**
 * The areas in which one person holds one permission. Paths are chains of ids ending in a dot, so
 * "inside the area" is a prefix match; the pattern is inlined so PostgreSQL can use the path index.
 */
public record Scope(Permission permission, List<Grant> grants) {

    public Scope {
        grants = List.copyOf(grants);
    }

    public boolean isEmpty() {
        return grants.isEmpty();
    }

    public boolean covers(String areaPath) {
        return grants.stream().anyMatch(g -> g.covers(areaPath));
    }

    /** The condition every query on resident data carries: the row's town and path lie in a granted area. */
    public Condition on(Field<Long> townId, Field<String> areaPath) {
        return grants.stream()
                .map(g -> townId.eq(g.townId()).and(areaPath.like(DSL.inline(g.areaPath() + "%"))))
                .reduce(Condition::or)
                .orElse(DSL.falseCondition());
    }

    /** The same for the area tree itself, which has no town column on districts. */
    public Condition onPath(Field<String> path) {
        return grants.stream()
                .map(g -> (Condition) path.like(DSL.inline(g.areaPath() + "%")))
                .reduce(Condition::or)
                .orElse(DSL.falseCondition());
    }

    public List<Long> townIds() {
        return grants.stream().map(Grant::townId).distinct().toList();
    }
}
