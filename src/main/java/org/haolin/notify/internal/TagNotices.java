package org.haolin.notify.internal;

import org.haolin.access.Accounts;
import org.haolin.access.Holder;
import org.haolin.access.Permission;
import org.haolin.access.Role;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.notify.NotificationKind;
import org.haolin.resident.LandedTag;
import org.haolin.resident.Residents;
import org.haolin.resident.Tag;
import org.haolin.resident.TagsLanded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When tags whose rule names people to tell land on residents, tells those holding the named roles over
 * each stairwell: one notification per person and stairwell. Whoever may read the stairwell's list reads
 * the rooms too; nobody reads names or identifiers, and outbound channels get only the place, tag names,
 * counts and a link. Whoever put the tags on is not told of their own work.
 */
@Component
class TagNotices {

    private final Accounts accounts;
    private final AreaTree areas;
    private final Residents residents;
    private final Places places;
    private final Notices notices;
    private final Outbox outbox;
    private final NotificationText text;

    TagNotices(Accounts accounts, AreaTree areas, Residents residents, Places places, Notices notices, Outbox outbox,
               NotificationText text) {
        this.accounts = accounts;
        this.areas = areas;
        this.residents = residents;
        this.places = places;
        this.notices = notices;
        this.outbox = outbox;
        this.text = text;
    }

    @ApplicationModuleListener
    void on(TagsLanded landed) {
        Map<String, Tag> telling = residents.catalogue().stream().filter(t -> !t.rule().notifyRoles().isEmpty())
                .collect(Collectors.toMap(Tag::code, Function.identity()));
        Map<Long, List<LandedTag>> byStairwell = landed.tags().stream().filter(t -> telling.containsKey(t.tagCode()))
                .sorted(Comparator.comparing(LandedTag::room))
                .collect(Collectors.groupingBy(LandedTag::stairwellId, LinkedHashMap::new, Collectors.toList()));
        if (byStairwell.isEmpty()) {
            return;
        }
        Set<Role> roles = telling.values().stream().flatMap(t -> t.rule().notifyRoles().stream())
                .collect(Collectors.toSet());
        List<String> paths = byStairwell.values().stream().map(l -> l.getFirst().stairwellPath()).toList();
        List<Holder> holders = accounts.holders(landed.townId(), paths, roles);
        Map<Long, Area> stairwells = areas.findAll(byStairwell.keySet());
        Map<Long, String> names = places.names(stairwells.values());
        List<Notices.Told> told = new ArrayList<>();
        byStairwell.forEach((stairwellId, tags) -> {
            Area stairwell = stairwells.get(stairwellId);
            if (stairwell != null) {
                told.add(told(landed, stairwell, names.get(stairwellId), tags, telling, holders));
            }
        });
        notices.tellAll(told, outbox.webhooks(landed.townId()));
    }

    private Notices.Told told(TagsLanded landed, Area stairwell, String place, List<LandedTag> tags,
                              Map<String, Tag> telling, List<Holder> holders) {
        String link = Places.link(stairwell);
        String source = text.outbound("notify.source." + landed.source().name());
        String counts = counts(tags, telling, NotificationText.OUTBOUND);
        Occasion occasion = new Occasion(landed.townId(), stairwell.id(), stairwell.path(), NotificationKind.TAGS_LANDED,
                link, text.outbound("notify.out.tagsLanded.subject", place),
                text.outbound("notify.out.tagsLanded", place, counts, source, notices.absolute(link)), false);
        Map<Long, List<Holder>> over = holders.stream().filter(h -> stairwell.path().startsWith(h.areaPath()))
                .collect(Collectors.groupingBy(Holder::accountId, LinkedHashMap::new, Collectors.toList()));
        List<Occasion.Recipient> recipients = new ArrayList<>();
        over.forEach((account, held) -> {
            Set<Role> theirRoles = held.stream().map(Holder::role).collect(Collectors.toSet());
            List<LandedTag> theirs = tags.stream().filter(t -> telling.get(t.tagCode()).rule().notifyRoles().stream()
                    .anyMatch(theirRoles::contains)).toList();
            if (!theirs.isEmpty() && !Long.valueOf(account).equals(landed.authorId())) { // who tagged knows
                boolean readsList = theirRoles.stream().anyMatch(r -> r.grants(Permission.READ_RESIDENTS));
                recipients.add(new Occasion.Recipient(account, held.getFirst().email(), "notify.tagsLanded",
                        List.of(TextArg.plain(place), what(theirs, telling, readsList),
                                TextArg.key("notify.source." + landed.source().name()))));
            }
        });
        return new Notices.Told(occasion, recipients);
    }

    /** Rooms and tags for those who may read the list anyway; tag counts for everyone else. */
    private TextArg what(List<LandedTag> tags, Map<String, Tag> telling, boolean readsList) {
        if (!readsList) {
            return TextArg.both(counts(tags, telling, NotificationText.OUTBOUND), counts(tags, telling, Locale.ENGLISH));
        }
        return TextArg.both(rooms(tags, telling, NotificationText.OUTBOUND), rooms(tags, telling, Locale.ENGLISH));
    }

    private String rooms(Collection<LandedTag> tags, Map<String, Tag> telling, Locale locale) {
        return tags.stream().map(t -> text.message("notify.roomTag", locale, t.room(),
                        telling.get(t.tagCode()).name(locale)))
                .collect(Collectors.joining(text.message("notify.separator", locale)));
    }

    private String counts(Collection<LandedTag> tags, Map<String, Tag> telling, Locale locale) {
        Map<String, Long> count = tags.stream().collect(Collectors.groupingBy(LandedTag::tagCode, LinkedHashMap::new,
                Collectors.counting()));
        return count.entrySet().stream().map(e -> text.message("notify.tagCount", locale,
                        telling.get(e.getKey()).name(locale), e.getValue()))
                .collect(Collectors.joining(text.message("notify.separator", locale)));
    }
}
