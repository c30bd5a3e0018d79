package org.haolin.rota;

/** What a person says about a coming day: cannot work (kept by the rota as a hard rule) or would rather rest. */
public enum WishKind {
    UNAVAILABLE, PREFERS_REST
}
