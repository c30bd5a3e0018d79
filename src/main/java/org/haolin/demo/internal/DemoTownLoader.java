package org.haolin.demo.internal;

import org.haolin.platform.HaolinProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The demo town of a first start: Haiwan town in Fengxian district with its residents, the demo accounts and
 * the credentials file, all in one transaction, so a start that dies half-way leaves nothing and the next
 * start simply tries again.
 */
@Component
public class DemoTownLoader {

    private static final int PROGRESS_STEP = 4_000;

    private final TownLoader towns;
    private final DemoAccounts accounts;
    private final TransactionTemplate tx;
    private final HaolinProperties properties;
    private final DemoConsole console;
    private final Clock clock;
    private final DemoSweeps sweeps;
    private final DemoOfficeList officeList;
    private final DemoCampaign campaign;
    private final DemoDuty duty;

    DemoTownLoader(TownLoader towns, DemoAccounts accounts, TransactionTemplate tx, HaolinProperties properties,
                   DemoConsole console, Clock clock, DemoSweeps sweeps, DemoOfficeList officeList,
                   DemoCampaign campaign, DemoDuty duty) {
        this.sweeps = sweeps;
        this.officeList = officeList;
        this.campaign = campaign;
        this.duty = duty;
        this.towns = towns;
        this.accounts = accounts;
        this.tx = tx;
        this.properties = properties;
        this.console = console;
        this.clock = clock;
    }

    public boolean anyTown() {
        return towns.anyTown();
    }

    public Path load() {
        long started = System.nanoTime();
        int residents = properties.demo().residents();
        CityPlaces.District district = CityPlaces.FENGXIAN;
        TownSpec spec = new TownSpec(district.towns().getFirst(), district.code() + "101", district.code(),
                residents, properties.demo().seed(), OffsetDateTime.now(clock));
        LoadedTown town = tx.execute(s -> {
            LoadedTown loaded = towns.loadIfAbsent(towns.district(district.code(), district.name()), spec,
                    done -> progress(spec, done)).orElseThrow();
            List<DemoAccount> created = accounts.create(loaded, "");
            sweeps.start(loaded, created);
            officeList.push(loaded, created);
            campaign.open(created);
            duty.start(created);
            CredentialsFile.write(properties.dataDir(), created);
            return loaded;
        });
        towns.analyze();
        GeneratedTown g = town.generated();
        console.say("demo.loaded", spec.name(), g.residents().size(), g.households().size(), g.areas().size() + 1,
                g.tags().size(), String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return credentialsFile(properties);
    }

    private void progress(TownSpec spec, int done) {
        if (done % PROGRESS_STEP == 0 || done == spec.residents()) {
            console.say("demo.progress", spec.name(), done, spec.residents());
        }
    }

    public static Path credentialsFile(HaolinProperties properties) {
        return properties.dataDir().resolve(CredentialsFile.NAME).toAbsolutePath().normalize();
    }
}
