package org.haolin.bench;

import org.haolin.HaolinApplication;
import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.haolin.demo.CityFigures;
import org.haolin.demo.DemoData;
import org.haolin.keygroup.KeyGroupLists;
import org.haolin.keygroup.ListCounts;
import org.haolin.keygroup.ListRefused;
import org.haolin.keygroup.NewKeyGroupList;
import org.haolin.keygroup.NewKeyGroupRow;
import org.haolin.keygroup.Pushed;
import org.haolin.platform.SensitiveData;
import org.haolin.resident.MainlandIdNumber;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static haolin.schema.Tables.AREA;
import static haolin.schema.Tables.RESIDENT;

/**
 * Benchmark of matching an epidemic-office list against a city: makes sure the data dir holds the wanted
 * number of residents (generating the city the first time, about 70 s for a million), builds a list from real
 * residents of the first town (about 60% found by ID number, 20% by phone only, 15% by name and an address
 * written in varied styles, 5% people nobody knows), pushes it through the facade as the town's epidemic
 * office (check, match, store the rows, apply the tags, audit: what the API does, without HTTP) and prints one
 * line with the time and the outcomes.
 * <pre>
 * ./mvnw -q test-compile
 * ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.haolin.bench.KeyGroupMatchBench \
 *     -Dexec.args="--residents=1000000 --data-dir=./data-bench"
 * </pre>
 * Options: --rows (10000), --warm-up (1000 rows of other residents pushed first, not counted), --seed. Each run
 * pushes its lists under new references, so they are matched afresh.
 */
public final class KeyGroupMatchBench {

    private static final String TAG = "OUT_OF_CENTRAL_QUARANTINE";

    private KeyGroupMatchBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        int residents = Integer.parseInt(o.getOrDefault("residents", "1000000"));
        int rows = Integer.parseInt(o.getOrDefault("rows", "10000"));
        int warmUp = Integer.parseInt(o.getOrDefault("warm-up", "1000"));
        long seed = Long.parseLong(o.getOrDefault("seed", String.valueOf(System.nanoTime())));
        SpringApplication app = new SpringApplication(HaolinApplication.class);
        try (ConfigurableApplicationContext haolin = app.run("--server.port=-1",
                "--haolin.data-dir=" + o.getOrDefault("data-dir", "./data-bench"), "--haolin.demo.enabled=false",
                "--spring.main.banner-mode=off", "--logging.level.root=warn",
                "--logging.level.org.haolin.keygroup=info")) {
            ensureResidents(haolin, residents);
            DSLContext db = haolin.getBean(DSLContext.class);
            HaolinUser office = office(haolin);
            long townId = office.grants().getFirst().townId();
            List<NewKeyGroupRow> made = new ListMaker(db, haolin.getBean(SensitiveData.class), townId, new Random(seed))
                    .make(rows + warmUp);
            List<NewKeyGroupRow> list = made.subList(0, rows);
            KeyGroupLists lists = haolin.getBean(KeyGroupLists.class);
            if (warmUp > 0) { // other residents, so that the measured list still finds every tag to put on
                lists.push(office, new NewKeyGroupList("bench-warm-up-" + System.currentTimeMillis(), TAG, "warm-up",
                        townId, made.subList(rows, rows + warmUp)));
            }
            long started = System.nanoTime();
            Pushed pushed;
            try {
                pushed = lists.push(office, new NewKeyGroupList("bench-" + System.currentTimeMillis(), TAG,
                        "benchmark list", townId, list));
            } catch (ListRefused e) {
                System.out.println("The benchmark list was refused: " + e.problems().subList(0, Math.min(5, e.problems().size())));
                System.exit(1);
                return;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            ListCounts c = pushed.list().counts();
            System.out.printf(Locale.ROOT, "keygroup_match rows=%d residents=%d seconds=%.2f rows_per_s=%.0f matched=%d "
                            + "ambiguous=%d unmatched=%d%n", c.rows(), db.fetchCount(RESIDENT), seconds, c.rows() / seconds,
                    c.matched(), c.ambiguous(), c.unmatched());
        }
        System.exit(0);
    }

    private static void ensureResidents(ConfigurableApplicationContext haolin, int residents) {
        int loaded = haolin.getBean(DSLContext.class).fetchCount(RESIDENT);
        if (loaded < residents) {
            System.out.printf(Locale.ROOT, "%d residents loaded, %d wanted: generating the city first%n", loaded, residents);
            CityFigures figures = haolin.getBean(DemoData.class).generateCity(residents, 50_000, 20260428L);
            System.out.printf(Locale.ROOT, "Generated %d residents in %.1f s%n", figures.residents(), figures.loadSeconds());
        }
    }

    /** The first town's epidemic office, from demo-credentials.tsv. */
    private static HaolinUser office(ConfigurableApplicationContext haolin) throws Exception {
        Path credentials = haolin.getBean(DemoData.class).credentialsFile();
        String username = Files.readAllLines(credentials).stream().map(l -> l.split("\t", -1))
                .filter(f -> f[2].equals("EPIDEMIC_OFFICE")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no EPIDEMIC_OFFICE in " + credentials))[0];
        Accounts accounts = haolin.getBean(Accounts.class);
        return accounts.user(accounts.idOf(username).orElseThrow()).orElseThrow();
    }

    /** Builds the office's list from real residents of the town, the way offices write them. */
    private static final class ListMaker {

        private static final String[] SURNAMES = "赵 钱 孙 李 周 吴 郑 王 冯 陈 褚 卫 蒋 沈 韩 杨".split(" ");
        private static final String[] GIVEN = "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 桂英 建华".split(" ");

        private final DSLContext db;
        private final SensitiveData sensitive;
        private final long townId;
        private final Random random;
        private final Map<Long, Record> areas = new HashMap<>();

        ListMaker(DSLContext db, SensitiveData sensitive, long townId, Random random) {
            this.db = db;
            this.sensitive = sensitive;
            this.townId = townId;
            this.random = random;
            db.select(AREA.ID, AREA.PARENT_ID, AREA.NAME, AREA.LEVEL).from(AREA).where(AREA.TOWN_ID.eq(townId))
                    .forEach(r -> areas.put(r.get(AREA.ID), r));
        }

        List<NewKeyGroupRow> make(int count) {
            List<Long> ids = new ArrayList<>(db.select(RESIDENT.ID).from(RESIDENT).where(RESIDENT.TOWN_ID.eq(townId))
                    .fetch(RESIDENT.ID));
            Collections.shuffle(ids, random);
            List<Long> chosen = ids.subList(0, Math.min(count, ids.size()));
            Map<Long, ? extends Record> people = db.select(RESIDENT.ID, RESIDENT.NAME, RESIDENT.AREA_ID, RESIDENT.ROOM,
                            RESIDENT.ID_NUMBER_ENC, RESIDENT.PHONE_ENC)
                    .from(RESIDENT).where(RESIDENT.ID.in(chosen)).fetchMap(RESIDENT.ID);
            List<NewKeyGroupRow> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Record p = people.get(chosen.get(i % chosen.size()));
                int kind = random.nextInt(100);
                if (kind < 60) {
                    rows.add(row(p.get(RESIDENT.NAME), sensitive.decrypt(p.get(RESIDENT.ID_NUMBER_ENC)), null, null));
                } else if (kind < 80 && p.get(RESIDENT.PHONE_ENC) != null) {
                    rows.add(row(p.get(RESIDENT.NAME), null, sensitive.decrypt(p.get(RESIDENT.PHONE_ENC)), null));
                } else if (kind < 95) {
                    rows.add(row(p.get(RESIDENT.NAME), null, null, address(p.get(RESIDENT.AREA_ID), p.get(RESIDENT.ROOM))));
                } else {
                    rows.add(row(stranger(), MainlandIdNumber.compose("310120", LocalDate.of(1950 + random.nextInt(60),
                            1 + random.nextInt(12), 1 + random.nextInt(28)), random.nextInt(1000)), null,
                            "海湾镇某某小区" + (1 + random.nextInt(30)) + "号楼" + (1 + random.nextInt(3)) + "单元"
                                    + (101 + random.nextInt(600)) + "室"));
                }
            }
            return rows;
        }

        /** The resident's address in one of the ways offices write it. */
        private String address(long stairwellId, String room) {
            Record stairwell = areas.get(stairwellId);
            Record building = areas.get(stairwell.get(AREA.PARENT_ID));
            Record compound = areas.get(building.get(AREA.PARENT_ID));
            String c = compound.get(AREA.NAME);
            String b = building.get(AREA.NAME).replace("号楼", "");
            String s = stairwell.get(AREA.NAME).replace("单元", "");
            return switch (random.nextInt(6)) {
                case 0 -> "上海市奉贤区海湾镇" + c + b + "号楼" + s + "单元" + room + "室";
                case 1 -> c + " " + b + "-" + s + "-" + room;
                case 2 -> c + b + "幢" + s + "单元" + room;
                case 3 -> "奉贤区" + c + fullWidth(b) + "栋" + fullWidth(s) + "单元" + fullWidth(room) + "室";
                case 4 -> "海湾镇" + c + b + "号" + s + "门" + room + "户";
                default -> c + " " + b + "号楼 " + s + "单元 " + room;
            };
        }

        private String stranger() {
            return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                    + GIVEN[random.nextInt(GIVEN.length)];
        }

        private static String fullWidth(String digits) {
            StringBuilder out = new StringBuilder();
            for (char ch : digits.toCharArray()) {
                out.append(Character.isDigit(ch) ? (char) (ch - '0' + '０') : ch);
            }
            return out.toString();
        }

        private static NewKeyGroupRow row(String name, String idNumber, String phone, String address) {
            return new NewKeyGroupRow(name, idNumber, phone, address, null, null, null);
        }
    }
}
