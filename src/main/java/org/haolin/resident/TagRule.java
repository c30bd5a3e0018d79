package org.haolin.resident;

import org.haolin.access.Role;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * What a catalogue tag asks of the people around a resident who carries it.
 *
 * @param attentionDays     days after which the tag ends by itself (null: until someone ends it)
 * @param doorToDoor        puts the resident on the door-to-door list for screening
 * @param screenSeparately  screening must treat the resident apart (own tube, own time)
 * @param notifyRoles       roles over the resident's stairwell that are told when the tag lands
 */
public record TagRule(Integer attentionDays, boolean doorToDoor, boolean screenSeparately, Set<Role> notifyRoles) {

    public static final int MAX_ATTENTION_DAYS = 366;

    public static final TagRule NONE = new TagRule(null, false, false, Set.of());

    /** The roles that look after a stairwell's residents, and so may be told when a tag lands there. */
    public static final List<Role> NOTIFIABLE_ROLES = List.of(Role.BUILDING_LEADER, Role.SOCIAL_WORKER,
            Role.AREA_SECRETARY, Role.AREA_DIRECTOR, Role.PARTY_MEMBER, Role.VOLUNTEER);

    public TagRule {
        notifyRoles = notifyRoles == null ? Set.of() : Set.copyOf(notifyRoles);
    }

    /** When a tag starting at {@code from} ends by itself, or null when it does not. */
    public OffsetDateTime endOfAttention(OffsetDateTime from) {
        return attentionDays == null ? null : from.plusDays(attentionDays);
    }
}
