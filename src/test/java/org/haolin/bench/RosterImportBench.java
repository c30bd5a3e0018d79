package org.haolin.bench;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.haolin.HaolinApplication;
import org.haolin.access.Accounts;
import org.haolin.access.Grant;
import org.haolin.access.HaolinUser;
import org.haolin.access.Role;
import org.haolin.area.Area;
import org.haolin.area.AreaTree;
import org.haolin.resident.MainlandIdNumber;
import org.haolin.roster.ImportReport;
import org.haolin.roster.RosterImports;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Roster import throughput, end to end through the same facade the API uses (RosterImports.importNow):
 * builds towns (25 compounds, 8 buildings each, 3 stairwells each) in a data dir of its own, writes a
 * 100,000-row .xlsx with Chinese headers, then, in each of three fresh towns, times a dry run, the real import
 * and a re-import of the same file (every row unchanged), and prints the median and best of each. Two
 * 20,000-row dry runs first warm the JIT, as in a server that has run a while.
 *
 * <pre>./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.haolin.bench.RosterImportBench</pre>
 * Arguments: [rows] [data dir]; defaults 100000 and /tmp/haolin-bench-import.
 */
public final class RosterImportBench {

    static final List<String> HEADER = List.of("姓名", "性别", "身份证号", "手机号", "小区", "楼号", "单元", "室号", "标签", "居住状态", "备注");
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"};
    static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞"};
    static final int ROUNDS = 3;
    static final String[] TAGS = {"低保", "80岁以上高龄独居老人", "医护人员", "志愿者", "重残无业", "近期接种"};

    private RosterImportBench() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dataDir = Path.of(args.length > 1 ? args[1] : "/tmp/haolin-bench-import");
        deleteRecursively(dataDir);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HaolinApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--haolin.data-dir=" + dataDir, "--haolin.db.clean-embedded=true", "--haolin.demo.enabled=false",
                        "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=warn",
                        "--logging.level.org.haolin.roster=info", "--logging.level.org.haolin.resident.ResidentBatch=debug")) {
            AreaTree tree = app.getBean(AreaTree.class);
            Accounts accounts = app.getBean(Accounts.class);
            RosterImports imports = app.getBean(RosterImports.class);
            List<Area> stairwells = new ArrayList<>();
            HaolinUser warmUser = town(tree, accounts, stairwells, 0);
            Path warm = roster(dataDir.resolve("warm-up.xlsx"), 20_000, stairwells, 99);
            time("warm-up dry run", imports, warmUser, warm, true);
            time("warm-up dry run", imports, warmUser, warm, true);
            long start = System.nanoTime();
            Path file = roster(dataDir.resolve("roster.xlsx"), rows, stairwells, 1);
            System.out.printf("wrote %,d rows to %s (%.1f MB) in %.2f s%n", rows, file, Files.size(file) / 1e6,
                    (System.nanoTime() - start) / 1e9);
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            // The same file into three fresh towns of the same shape: the machine is shared, so one run can mislead.
            for (int t = 1; t <= ROUNDS; t++) {
                HaolinUser worker = town(tree, accounts, new ArrayList<>(), t);
                rates.computeIfAbsent("dry run", k -> new ArrayList<>()).add(time("dry run", imports, worker, file, true));
                rates.computeIfAbsent("real import", k -> new ArrayList<>()).add(time("real import", imports, worker, file, false));
                rates.computeIfAbsent("re-import (all unchanged)", k -> new ArrayList<>())
                        .add(time("re-import (all unchanged)", imports, worker, file, false));
            }
            rates.forEach((what, list) -> {
                List<Double> sorted = list.stream().sorted().toList();
                System.out.printf("%-26s median %,8.0f rows/s  best %,8.0f rows/s  (%d runs of %,d rows)%n", what,
                        sorted.get(sorted.size() / 2), sorted.getLast(), sorted.size(), rows);
            });
        }
    }

    /** Each run starts from an empty database of its own. */
    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static double time(String what, RosterImports imports, HaolinUser worker, Path file, boolean dryRun)
            throws IOException {
        long start = System.nanoTime();
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = imports.importNow(worker, file.getFileName().toString(), in, dryRun, UUID.randomUUID().toString());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var c = report.job().counts();
        if (c == null) {
            throw new IllegalStateException(what + " refused: " + report.job().problemKey());
        }
        System.out.printf("%-26s rows %,7d  new %,7d  updated %,6d  unchanged %,7d  rejected %,5d  %6.2f s  %,8.0f rows/s%n",
                what, c.rows(), c.created(), c.updated(), c.unchanged(), c.rejected(), seconds, c.rows() / seconds);
        return c.rows() / seconds;
    }

    private static HaolinUser town(AreaTree tree, Accounts accounts, List<Area> stairwells, int n) {
        Area district = tree.createDistrict("310120", "奉贤区" + n);
        Area town = tree.insertChild(district, "海湾镇", null);
        Area area = tree.insertChild(town, "星火居民区", null);
        for (int c = 1; c <= 25; c++) {
            Area compound = tree.insertChild(area, "星火" + c + "村", null);
            for (int b = 1; b <= 8; b++) {
                Area building = tree.insertChild(compound, b + "号楼", null);
                for (int s = 1; s <= 3; s++) {
                    stairwells.add(tree.insertChild(building, s + "单元", null));
                }
            }
        }
        long id = accounts.create("bench.worker" + n, "Bench worker " + n, "correct horse battery", false);
        accounts.assign(id, new Grant(Role.SOCIAL_WORKER, town.townId(), town.id(), town.path()));
        return accounts.user(id).orElseThrow();
    }

    /** A roster as a residential area would send it: ~170 residents per stairwell, one in twenty tagged. */
    static Path roster(Path file, int rows, List<Area> stairwells, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(seed);
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Haolin bench", "1.0");
            Worksheet sheet = workbook.newWorksheet("名单");
            for (int c = 0; c < HEADER.size(); c++) {
                sheet.value(0, c, HEADER.get(c));
            }
            for (int r = 1; r <= rows; r++) {
                int i = (int) ((r - 1L) * stairwells.size() / rows);
                int stairwell = i % 3 + 1;
                int building = i / 3 % 8 + 1;
                int compound = i / 24 + 1;
                // Unique in the file: the birth day and the sequence number together come from the row number.
                LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(r % 30_000);
                boolean male = random.nextBoolean();
                String id = MainlandIdNumber.compose("3101" + (20 + seed % 70), birth, 100 + (r / 30_000) * 2 + (male ? 1 : 0));
                sheet.value(r, 0, SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]);
                sheet.value(r, 1, male ? "男" : "女");
                sheet.value(r, 2, id);
                if (random.nextInt(10) < 8) {
                    sheet.value(r, 3, "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)));
                }
                sheet.value(r, 4, "星火" + compound + "村");
                sheet.value(r, 5, building + "号楼");
                sheet.value(r, 6, stairwell + "单元");
                sheet.value(r, 7, String.valueOf((1 + random.nextInt(6)) * 100 + 1 + random.nextInt(4)));
                if (random.nextInt(20) == 0) {
                    sheet.value(r, 8, TAGS[random.nextInt(TAGS.length)]);
                }
                sheet.value(r, 9, "在住");
                if (r % 10_000 == 0) {
                    sheet.flush();
                }
            }
            workbook.finish();
        }
        return file;
    }
}
