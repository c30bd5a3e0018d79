package org.haolin.plan;

import org.haolin.area.ZoneLevel;
import org.haolin.platform.DomainException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalTime;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A post as a person fills it in: bound from the form or the API as given, then {@link #checked()} names the first
 * field that is wrong. Staffing is one count per zone level; a blank count means nobody is needed at that level.
 */
public record PostForm(String typeCode, String name, String place, String duties, Long leaderPersonId,
                       @DateTimeFormat(pattern = "HH:mm") LocalTime shiftStart,
                       @DateTimeFormat(pattern = "HH:mm") LocalTime shiftEnd, Integer sealed, Integer controlled,
                       Integer prevention, Integer normal, List<Long> members) {

    /** An empty post for the "add a post" form: the usual daily hours. */
    public static PostForm blank() {
        return new PostForm(null, null, null, null, null, LocalTime.of(8, 0), LocalTime.of(17, 0), null, null, null,
                null, List.of());
    }

    /** A post as it stands, to fill its edit form. */
    public static PostForm of(PlanPost post) {
        return new PostForm(post.type().code(), post.name(), post.place(), post.duties(),
                post.leader() == null ? null : post.leader().personId(), post.shiftStart(), post.shiftEnd(),
                post.staffing().get(ZoneLevel.SEALED), post.staffing().get(ZoneLevel.CONTROLLED),
                post.staffing().get(ZoneLevel.PREVENTION), post.staffing().get(ZoneLevel.NORMAL),
                post.members().stream().map(PostPerson::personId).toList());
    }

    /** The count entered for a level (blank when none), for redrawing the form. */
    public Integer count(ZoneLevel level) {
        return switch (level) {
            case SEALED -> sealed;
            case CONTROLLED -> controlled;
            case PREVENTION -> prevention;
            case NORMAL -> normal;
        };
    }

    public boolean names(long personId) {
        return members != null && members.contains(personId);
    }

    static final int NAME_MAX = 80;
    static final int PLACE_MAX = 200;
    static final int DUTIES_MAX = 2000;
    static final int PEOPLE_MAX = 200;

    /** The same post with text trimmed and every field checked; refuses with the field's message key. */
    public Checked checked() {
        String type = trimmed(typeCode);
        if (type == null) {
            throw DomainException.invalid("plan.post.type.required");
        }
        String cleanName = trimmed(name);
        if (cleanName == null) {
            throw DomainException.invalid("plan.post.name.required");
        }
        within(cleanName, NAME_MAX, "plan.post.name.tooLong");
        String cleanPlace = within(trimmed(place), PLACE_MAX, "plan.post.place.tooLong");
        String cleanDuties = within(trimmed(duties), DUTIES_MAX, "plan.post.duties.tooLong");
        if (shiftStart == null || shiftEnd == null || !shiftEnd.isAfter(shiftStart)) {
            throw DomainException.invalid("plan.post.hours.invalid");
        }
        Set<Long> people = members == null ? Set.of() : new LinkedHashSet<>(members.stream()
                .filter(java.util.Objects::nonNull).toList());
        return new Checked(type, cleanName, cleanPlace, cleanDuties, leaderPersonId, shiftStart, shiftEnd,
                staffing(), Set.copyOf(people));
    }

    private Map<ZoneLevel, Integer> staffing() {
        Map<ZoneLevel, Integer> staffing = new EnumMap<>(ZoneLevel.class);
        put(staffing, ZoneLevel.SEALED, sealed);
        put(staffing, ZoneLevel.CONTROLLED, controlled);
        put(staffing, ZoneLevel.PREVENTION, prevention);
        put(staffing, ZoneLevel.NORMAL, normal);
        return staffing;
    }

    private static void put(Map<ZoneLevel, Integer> staffing, ZoneLevel level, Integer people) {
        if (people == null) {
            return;
        }
        if (people < 0 || people > PEOPLE_MAX) {
            throw DomainException.invalid("plan.post.staffing.invalid",
                    new DefaultMessageSourceResolvable("zone." + level.name()), PEOPLE_MAX);
        }
        staffing.put(level, people);
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String within(String text, int max, String key) {
        if (text != null && text.length() > max) {
            throw DomainException.invalid(key, max);
        }
        return text;
    }

    /** A post that passed the field checks (the plan's own rules, such as names unique in it, come after). */
    public record Checked(String typeCode, String name, String place, String duties, Long leaderPersonId,
                          LocalTime shiftStart, LocalTime shiftEnd, Map<ZoneLevel, Integer> staffing,
                          Set<Long> members) {
    }
}
