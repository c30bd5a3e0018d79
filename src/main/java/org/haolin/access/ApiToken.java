package org.haolin.access;

import java.time.OffsetDateTime;

/** A live API token as its owner sees it: never the token itself, which is shown only when made. */
public record ApiToken(long id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {
}
