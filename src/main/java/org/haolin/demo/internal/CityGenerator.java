package org.haolin.demo.internal;

import org.haolin.access.Accounts;
import org.haolin.area.Area;
import org.haolin.demo.CityFigures;
import org.haolin.platform.HaolinProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo generator at city scale: the residents spread over towns of several districts, each town
 * generated from its own seed (the next one while the current one loads) and bulk loaded in its own
 * transaction. Towns that already exist are skipped, so running it again adds nothing. Demo accounts go on
 * the first town.
 */
@Component
public class CityGenerator {

    private static final long SEED_STEP = 0x9E3779B97F4A7C15L;

    private final TownLoader towns;
    private final DemoAccounts demoAccounts;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final HaolinProperties properties;
    private final DemoConsole console;
    private final Clock clock;

    CityGenerator(TownLoader towns, DemoAccounts demoAccounts, Accounts accounts, TransactionTemplate tx,
                  HaolinProperties properties, DemoConsole console, Clock clock) {
        this.towns = towns;
        this.demoAccounts = demoAccounts;
        this.accounts = accounts;
        this.tx = tx;
        this.properties = properties;
        this.console = console;
        this.clock = clock;
    }

    public CityFigures generate(int residents, int townSize, long seed) {
        long started = System.nanoTime();
        List<TownSpec> specs = specs(residents, townSize, seed);
        List<CityPlaces.TownPlace> places = CityPlaces.towns(specs.size());
        Map<String, Area> districts = districts(places);
        Progress progress = new Progress(residents, specs.size(), started);
        ExecutorService generator = Executors.newSingleThreadExecutor();
        try {
            List<LoadedTown> loaded = new ArrayList<>();
            Future<GeneratedTown> next = generator.submit(() -> TownGenerator.generate(specs.getFirst()));
            for (int i = 0; i < specs.size(); i++) {
                GeneratedTown town = next.get();
                if (i + 1 < specs.size()) { // the next town is generated while this one is loaded
                    TownSpec following = specs.get(i + 1);
                    next = generator.submit(() -> TownGenerator.generate(following));
                }
                load(districts.get(places.get(i).district().code()), town, progress).ifPresent(loaded::add);
            }
            long rows = loaded.stream().mapToLong(t -> t.generated().rows() + 1).sum();
            int loadedResidents = loaded.stream().mapToInt(t -> t.generated().residents().size()).sum();
            if (!loaded.isEmpty() && accounts.idOf("town.admin").isEmpty()) {
                tx.executeWithoutResult(s -> CredentialsFile.write(properties.dataDir(),
                        demoAccounts.create(loaded.getFirst(), "")));
            }
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            towns.analyze();
            return new CityFigures(loadedResidents, loaded.size(), rows, loadSeconds,
                    (System.nanoTime() - started) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a town could not be generated", e.getCause());
        } finally {
            generator.shutdownNow();
        }
    }

    private Optional<LoadedTown> load(Area district, GeneratedTown town, Progress progress) {
        int[] last = {0};
        Optional<LoadedTown> loaded = tx.execute(s -> towns.loadIfAbsent(district, town, done -> {
            progress.add(done - last[0]);
            last[0] = done;
        }));
        if (loaded.isEmpty()) {
            console.say("demo.city.skipped", town.spec().name());
            progress.add(town.spec().residents());
        }
        progress.townDone();
        return loaded;
    }

    private List<TownSpec> specs(int residents, int townSize, long seed) {
        int count = Math.max(1, (int) Math.ceil(residents / (double) townSize));
        List<CityPlaces.TownPlace> places = CityPlaces.towns(count);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<TownSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int size = residents / count + (i < residents % count ? 1 : 0);
            CityPlaces.TownPlace place = places.get(i);
            specs.add(new TownSpec(place.name(), place.code(), place.district().code(), size, seed + i * SEED_STEP, now));
        }
        return specs;
    }

    private Map<String, Area> districts(List<CityPlaces.TownPlace> places) {
        Map<String, Area> districts = new HashMap<>();
        for (CityPlaces.TownPlace place : places) {
            CityPlaces.District d = place.district();
            districts.computeIfAbsent(d.code(), code -> tx.execute(s -> towns.district(code, d.name())));
        }
        return districts;
    }

    /** Prints a line at every tenth of the way. */
    private final class Progress {
        private final long total;
        private final int towns;
        private final long started;
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong townsDone = new AtomicLong();
        private long nextLine;

        Progress(long total, int towns, long started) {
            this.total = total;
            this.towns = towns;
            this.started = started;
            this.nextLine = total / 10;
        }

        void add(long residents) {
            long now = done.addAndGet(residents);
            synchronized (this) {
                if (now >= nextLine && now < total) {
                    nextLine = now + total / 10;
                    print(now);
                }
            }
        }

        void townDone() {
            if (townsDone.incrementAndGet() == towns) {
                print(done.get());
            }
        }

        private void print(long now) {
            console.say("demo.city.progress", now, total, townsDone.get(), towns,
                    String.format("%.1f", (System.nanoTime() - started) / 1e9));
        }
    }
}
