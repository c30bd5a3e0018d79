package org.haolin.roster;

/** What an import did (or, in a dry run, would do) to the residents of its rows. */
public record ImportCounts(int created, int updated, int unchanged, int rejected) {

    public int rows() {
        return created + updated + unchanged + rejected;
    }
}
