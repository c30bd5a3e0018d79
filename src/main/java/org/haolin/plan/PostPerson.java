package org.haolin.plan;

/** A workforce person named on a post: its point leader or one of the people standing at it. */
public record PostPerson(long personId, String name) {
}
