package org.haolin.demo;

import org.haolin.demo.internal.CityGenerator;
import org.haolin.demo.internal.DemoTownLoader;
import org.haolin.platform.HaolinProperties;
import org.springframework.stereotype.Service;

import java.nio.file.Path;

/** The demo data: whether a town is loaded, where the demo logins are, and city-scale generation. */
@Service
public class DemoData {

    private final DemoTownLoader demoTown;
    private final CityGenerator city;
    private final HaolinProperties properties;

    DemoData(DemoTownLoader demoTown, CityGenerator city, HaolinProperties properties) {
        this.demoTown = demoTown;
        this.city = city;
        this.properties = properties;
    }

    public boolean anyTown() {
        return demoTown.anyTown();
    }

    /** demo-credentials.tsv in the data dir (absolute), whether or not it exists. */
    public Path credentialsFile() {
        return DemoTownLoader.credentialsFile(properties);
    }

    /**
     * Generates {@code residents} residents over towns of about {@code townSize} and bulk loads them; towns
     * already present are skipped. Prints progress on the console.
     */
    public CityFigures generateCity(int residents, int townSize, long seed) {
        return city.generate(residents, townSize, seed);
    }
}
