package org.haolin.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One version of a compound's plan with its posts (empty in version lists, where only the heading is shown). */
public record PlanVersion(long id, long townId, long compoundId, String compoundPath, String compoundName,
                          int versionNo, PlanState state, LocalDate effectiveFrom, String note, String createdByName,
                          OffsetDateTime createdAt, OffsetDateTime publishedAt, int version, List<PlanPost> posts) {

    public PlanVersion {
        posts = List.copyOf(posts);
    }

    public boolean draft() {
        return state == PlanState.DRAFT;
    }

    public PlanVersion withPosts(List<PlanPost> all) {
        return new PlanVersion(id, townId, compoundId, compoundPath, compoundName, versionNo, state, effectiveFrom,
                note, createdByName, createdAt, publishedAt, version, all);
    }
}
