package org.haolin.plan.internal;

import org.haolin.access.HaolinUser;
import org.haolin.access.Permission;
import org.haolin.access.Scope;
import org.haolin.access.Scopes;
import org.haolin.area.Area;
import org.haolin.area.AreaLevel;
import org.haolin.area.AreaTree;
import org.haolin.platform.DomainException;
import org.jooq.Condition;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * Who may do what with plans. Those who keep plans (MANAGE_PLANS) change them over their compounds; those who watch
 * the cockpit (VIEW_COCKPIT: supervisors, social workers) read them, as do the plan keepers. Anything outside one's
 * scope is "not found", so its existence is not revealed.
 */
@Component
public class PlanAccess {

    private final Scopes scopes;
    private final AreaTree areas;

    PlanAccess(Scopes scopes, AreaTree areas) {
        this.scopes = scopes;
        this.areas = areas;
    }

    public Condition readable(HaolinUser user, Field<Long> townId, Field<String> areaPath) {
        return scopes.of(user, Permission.MANAGE_PLANS).on(townId, areaPath)
                .or(scopes.of(user, Permission.VIEW_COCKPIT).on(townId, areaPath));
    }

    public boolean mayRead(HaolinUser user, String areaPath) {
        return mayChange(user, areaPath) || scopes.of(user, Permission.VIEW_COCKPIT).covers(areaPath);
    }

    public boolean mayChange(HaolinUser user, String areaPath) {
        return scopes.of(user, Permission.MANAGE_PLANS).covers(areaPath);
    }

    public Scope changing(HaolinUser user) {
        return scopes.of(user, Permission.MANAGE_PLANS);
    }

    /** A compound the person may read plans of, or "not found". */
    public Area readableCompound(HaolinUser user, long compoundId) {
        Area compound = areas.find(compoundId).filter(a -> a.level() == AreaLevel.COMPOUND)
                .filter(a -> mayRead(user, a.path()))
                .orElseThrow(() -> DomainException.notFound("plan.compound.notFound", compoundId));
        return compound;
    }

    /** A compound the person may change plans of; "forbidden" to those who only read it, else "not found". */
    public Area changeableCompound(HaolinUser user, long compoundId) {
        Area compound = readableCompound(user, compoundId);
        requireChange(user, compound.path());
        return compound;
    }

    /** Refuses a reader who may not change the plan (someone outside its scope never gets this far). */
    public void requireChange(HaolinUser user, String areaPath) {
        if (!mayChange(user, areaPath)) {
            throw DomainException.forbidden("plan.change.forbidden");
        }
    }

    /** The residential area a compound belongs to: its parent's path. */
    public static String residentialAreaPath(String compoundPath) {
        return compoundPath.substring(0, compoundPath.lastIndexOf('.', compoundPath.length() - 2) + 1);
    }
}
