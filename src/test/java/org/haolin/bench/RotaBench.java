package org.haolin.bench;

import org.haolin.area.ZoneLevel;
import org.haolin.plan.PostDemand;
import org.haolin.rota.internal.RankRules;
import org.haolin.rota.internal.RotaModel;
import org.haolin.rota.internal.RotaPlan;
import org.haolin.rota.internal.RotaSolving;
import org.haolin.workforce.Worker;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A town's rota on the pure model: per residential area a secretary, a director, two social workers and five
 * volunteers or Party members standing at the area's posts (gate duty 07:00–19:00, sampling 2 people 08:00–11:00,
 * supplies 14:00–17:00); the town's 30 cadres (8 处级, 8 科级, 14 青年干部) cover the staff's rest days: 300 people.
 * Staff and cadres may work 60 hours a week (six 9-hour days), volunteers 48.
 * Prints: rota areas=… workers=… days=… slots=… seconds=… feasible=… hard=… soft=… time_to_feasible_s=…
 */
public final class RotaBench {

    private RotaBench() {
    }

    public static void main(String[] args) {
        Map<String, String> options = BenchOptions.parse(args);
        int areas = Integer.parseInt(options.getOrDefault("areas", "30"));
        int days = Integer.parseInt(options.getOrDefault("days", "14"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        LocalDate firstDay = LocalDate.parse(options.getOrDefault("first-day", "2026-12-07"));

        List<Worker> pool = new ArrayList<>();
        List<PostDemand> posts = new ArrayList<>();
        long[] ids = {1};
        for (int a = 0; a < areas; a++) {
            long areaId = 1000 + a;
            String path = "1." + areaId + ".";
            pool.add(worker(ids[0]++, areaId, path, "书记" + a, "SECRETARY", false, 60));
            pool.add(worker(ids[0]++, areaId, path, "主任" + a, "DIRECTOR", false, 60));
            for (int s = 0; s < 2; s++) {
                pool.add(worker(ids[0]++, areaId, path, "社工" + a + "-" + s, "SOCIAL_WORKER", false, 60));
            }
            List<Long> volunteers = new ArrayList<>();
            for (int v = 0; v < 5; v++) {
                volunteers.add(ids[0]);
                pool.add(worker(ids[0]++, areaId, path, "志愿者" + a + "-" + v, null, false, 48));
            }
            long compoundId = 5000 + a;
            posts.add(post(ids[0]++, compoundId, path, "门岗", "GATE_DUTY", 7, 19, 1, volunteers));
            posts.add(post(ids[0]++, compoundId, path, "采样点", "SAMPLING", 8, 11, 2, volunteers));
            posts.add(post(ids[0]++, compoundId, path, "物资保供", "SUPPLIES", 14, 17, 1, volunteers));
        }
        cadres(pool, ids, "DIVISION", 8);
        cadres(pool, ids, "SECTION", 8);
        cadres(pool, ids, "YOUNG_CADRE", 14);

        var rows = RotaModel.demand(firstDay, days, pool, day -> posts, LocalTime.of(8, 30), LocalTime.of(17, 30));
        RotaPlan plan = RotaModel.plan(firstDay, days, pool, RankRules.defaults(), RotaModel.Wishes.none(), rows);
        long started = System.nanoTime();
        RotaSolving solving = new RotaSolving(Duration.ofSeconds(seconds), null);
        var outcome = solving.solve(plan);
        double spent = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "rota areas=%d workers=%d days=%d slots=%d seconds=%.1f feasible=%s hard=%d "
                        + "soft=%d time_to_feasible_s=%s%n", areas, pool.size(), days, plan.slots().size(), spent,
                outcome.score().isFeasible(), outcome.score().hardScore(), outcome.score().softScore(),
                outcome.timeToFeasible() == null ? "never"
                        : String.format(Locale.ROOT, "%.1f", outcome.timeToFeasible().toMillis() / 1000.0));
        if (options.containsKey("explain")) {
            solving.broken(outcome.plan()).stream()
                    .collect(java.util.stream.Collectors.groupingBy(b -> b.key(), java.util.stream.Collectors.counting()))
                    .forEach((key, count) -> System.out.println("  broken " + key + " x" + count));
        }
    }

    private static void cadres(List<Worker> pool, long[] ids, String rank, int count) {
        for (int c = 0; c < count; c++) {
            pool.add(worker(ids[0]++, 1, "1.", rank + c, rank, true, 60));
        }
    }

    private static Worker worker(long id, long areaId, String path, String name, String rank, boolean cadre, int max) {
        return new Worker(id, 1, areaId, path, name, rank, cadre, rank == null, null, max, Set.of());
    }

    private static PostDemand post(long id, long compoundId, String path, String name, String type, int from, int to,
                                   int needed, List<Long> members) {
        return new PostDemand(id, 1, compoundId, path + compoundId + ".", "小区" + compoundId, name, type,
                LocalTime.of(from, 0), LocalTime.of(to, 0), ZoneLevel.PREVENTION, needed, members);
    }
}
