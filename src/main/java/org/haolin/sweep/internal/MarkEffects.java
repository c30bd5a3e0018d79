package org.haolin.sweep.internal;

import org.haolin.access.HaolinUser;
import org.haolin.resident.ResidenceStatus;
import org.haolin.resident.ResidentRegistry;
import org.haolin.resident.TagAssignments;
import org.haolin.resident.TagAssignments.TagEnding;
import org.haolin.resident.TagAssignments.TagOrder;
import org.haolin.sweep.MarkOrder;
import org.haolin.sweep.Occupation;
import org.haolin.sweep.Presence;
import org.haolin.sweep.SweepRound;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * What a saved mark does to the registry, all with source "sweep" and the round as reference: the residence
 * status of the presence, its status tag on and the other one ended, and each occupation tag put on or ended
 * as the mark says. Tags already as the mark wants them are left alone.
 */
@Component
public class MarkEffects {

    private final ResidentRegistry registry;
    private final TagAssignments tags;

    MarkEffects(ResidentRegistry registry, TagAssignments tags) {
        this.registry = registry;
        this.tags = tags;
    }

    /** The effects applied: the status now, and whether any tag landed or ended. */
    public record Applied(ResidenceStatus status, boolean tagsChanged) {
    }

    public Applied apply(HaolinUser user, SweepRound round, MarkOrder order, ResidenceStatus current) {
        long resident = order.residentId();
        List<TagOrder> on = new ArrayList<>();
        List<TagEnding> off = new ArrayList<>();
        ResidenceStatus status = current;
        if (order.presence() != null) {
            Presence presence = order.presence();
            registry.changeStatusBySweep(user, resident, presence.status(), round.ref());
            status = presence.status();
            presence.tag().ifPresent(code -> on.add(TagOrder.now(resident, code)));
            Presence.STATUS_TAGS.stream().filter(code -> presence.tag().map(t -> !t.equals(code)).orElse(true))
                    .forEach(code -> off.add(new TagEnding(resident, code)));
        }
        for (Occupation occupation : Occupation.values()) {
            if (order.occupations().contains(occupation)) {
                on.add(TagOrder.now(resident, occupation.tagCode()));
            } else {
                off.add(new TagEnding(resident, occupation.tagCode()));
            }
        }
        int landed = tags.assignBySweep(user, on, round.ref()).landed().size();
        int ended = tags.endBySweep(user, off, round.ref());
        return new Applied(status, landed + ended > 0);
    }
}
