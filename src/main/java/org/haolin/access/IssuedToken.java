package org.haolin.access;

/** A token just made: the one moment its full value is known. */
public record IssuedToken(long id, String name, String prefix, String token) {
}
