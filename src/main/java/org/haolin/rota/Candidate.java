package org.haolin.rota;

/** Someone who may stand at a shift (a post's member, or a seat's holder or allowed substitute). */
public record Candidate(long personId, String name, String rankCode) {
}
