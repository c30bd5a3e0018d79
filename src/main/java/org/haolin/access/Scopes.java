package org.haolin.access;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one scope component: turns a person's role assignments into the areas where a permission holds.
 * Every query on resident data asks it first.
 */
@Component
public class Scopes {

    public Scope of(HaolinUser user, Permission permission) {
        if (user == null || user.systemAdmin()) {
            return new Scope(permission, List.of()); // system administrators read no resident data, whatever they hold
        }
        List<Grant> granting = user.grants().stream()
                .filter(g -> g.role().grants(permission))
                .sorted(Comparator.comparing(Grant::areaPath))
                .toList();
        return new Scope(permission, outermost(granting));
    }

    /** Sorted by path, an area comes before everything inside it: keep only areas not inside a kept one. */
    private static List<Grant> outermost(List<Grant> sortedByPath) {
        List<Grant> kept = new ArrayList<>();
        for (Grant grant : sortedByPath) {
            if (kept.stream().noneMatch(k -> grant.areaPath().startsWith(k.areaPath()))) {
                kept.add(grant);
            }
        }
        return kept;
    }
}
