package org.haolin.workforce;

/** An account holding a role in the person's area: one the person may be linked to. */
public record LinkableAccount(long accountId, String displayName) {
}
