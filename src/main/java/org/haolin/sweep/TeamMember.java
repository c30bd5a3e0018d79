package org.haolin.sweep;

/** A person in one of the three places of a stairwell's sweep team. */
public record TeamMember(TeamRole role, long accountId, String name) {
}
