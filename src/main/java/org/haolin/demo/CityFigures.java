package org.haolin.demo;

/**
 * What a city-scale generation did: residents and towns loaded, all rows written (areas, households,
 * residents, tags), seconds until the last row was in, and seconds including the statistics refresh after.
 */
public record CityFigures(long residents, int towns, long rows, double loadSeconds, double totalSeconds) {

    public double rowsPerSecond() {
        return loadSeconds == 0 ? 0 : rows / loadSeconds;
    }

    public double residentsPerSecond() {
        return loadSeconds == 0 ? 0 : residents / loadSeconds;
    }
}
