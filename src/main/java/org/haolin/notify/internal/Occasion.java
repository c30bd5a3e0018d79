package org.haolin.notify.internal;

import org.haolin.access.Holder;
import org.haolin.notify.NotificationKind;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something to tell the people of one area: where, what kind, the link into Haolin, and the outbound
 * message (subject and text, in the town's language, without anything personal). Webhooks limited to an
 * area containing this one hear of it; with {@code reachInside}, also those limited to an area inside it.
 */
public record Occasion(long townId, long areaId, String areaPath, NotificationKind kind, String link,
                       String outSubject, String outText, boolean reachInside) {

    /** One person to tell, with the in-app text made for what they may see. */
    public record Recipient(long accountId, String email, String messageKey, List<TextArg> args) {

        /** Each account among the holders once (one may hold several roles over the place), all with one text. */
        static List<Recipient> each(Collection<Holder> holders, String messageKey, List<TextArg> args) {
            Map<Long, String> people = new LinkedHashMap<>();
            holders.forEach(h -> people.putIfAbsent(h.accountId(), h.email()));
            return people.entrySet().stream().map(p -> new Recipient(p.getKey(), p.getValue(), messageKey, args)).toList();
        }
    }

    boolean reaches(String webhookPath) {
        return areaPath.startsWith(webhookPath) || reachInside && webhookPath.startsWith(areaPath);
    }
}
