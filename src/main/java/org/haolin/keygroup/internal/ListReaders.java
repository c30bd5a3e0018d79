package org.haolin.keygroup.internal;

import org.haolin.access.Grant;
import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Who sees which rows of the office's lists. The office (PUSH_KEY_GROUP_LISTS) sees every row of its town's
 * lists; the staff of a residential area (EDIT_RESIDENTS granted on the residential area or above) see and
 * settle the rows placed in their area. Building leaders and others below the residential area do not see
 * lists: they learn of the tags when they land in their stairwells.
 */
@Component
public class ListReaders {

    /** District (1), town (2), residential area (3): the depth of a path is its number of ids. */
    private static final int RESIDENTIAL_AREA_DEPTH = 3;

    private final Scopes scopes;

    ListReaders(Scopes scopes) {
        this.scopes = scopes;
    }

    /** The areas whose rows the person sees and may settle. */
    public Scope rows(HaolinUser user) {
        List<Grant> grants = new ArrayList<>(scopes.of(user, Permission.PUSH_KEY_GROUP_LISTS).grants());
        scopes.of(user, Permission.EDIT_RESIDENTS).grants().stream()
                .filter(g -> depth(g.areaPath()) <= RESIDENTIAL_AREA_DEPTH)
                .forEach(grants::add);
        return new Scope(Permission.EDIT_RESIDENTS, grants);
    }

    /** The office's scope: pushes lists, applies them, sees them whole. */
    public Scope office(HaolinUser user) {
        return scopes.of(user, Permission.PUSH_KEY_GROUP_LISTS);
    }

    /** Who reads the cockpit's counts of rows still waiting. */
    public Scope cockpit(HaolinUser user) {
        return scopes.of(user, Permission.VIEW_COCKPIT);
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '.').count();
    }
}
