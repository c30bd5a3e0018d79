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
import org.haolin.screening.ResultsApplied;
import org.haolin.screening.TubeResults;
import org.jooq.DSLContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import static haolin.schema.Tables.CAMPAIGN;
import static haolin.schema.Tables.CAMPAIGN_POINT;
import static haolin.schema.Tables.TUBE;

/**
 * A lab's results workbook imported through the facade the page and API use (TubeResults.importWorkbook): one
 * campaign with as many closed tubes as rows, a .xlsx with Chinese headers (one tube in a thousand positive),
 * then the import and a re-import of the same file (every row already recorded), each timed.
 *
 * <pre>./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.haolin.bench.ResultImportBench</pre>
 * Arguments: [rows] [data dir]; defaults 50000 and /tmp/haolin-bench-results.
 */
public final class ResultImportBench {

    private ResultImportBench() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path dataDir = Path.of(args.length > 1 ? args[1] : "/tmp/haolin-bench-results");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HaolinApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--haolin.data-dir=" + dataDir, "--haolin.db.clean-embedded=true", "--haolin.demo.enabled=false",
                        "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=warn")) {
            AreaTree tree = app.getBean(AreaTree.class);
            Accounts accounts = app.getBean(Accounts.class);
            Area district = tree.createDistrict("310120", "奉贤区" + System.nanoTime() % 100000);
            Area town = tree.insertChild(district, "海湾镇", null);
            Area compound = tree.insertChild(tree.insertChild(town, "星火居民区", null), "星火一村", null);
            long id = accounts.create("bench.office" + System.nanoTime(), "Bench office", "correct horse battery", false);
            accounts.assign(id, new Grant(Role.EPIDEMIC_OFFICE, town.townId(), town.id(), town.path()));
            HaolinUser office = accounts.user(id).orElseThrow();
            long campaign = campaign(app.getBean(DSLContext.class), town, compound, rows);
            Path file = workbook(dataDir.resolve("results.xlsx"), rows);
            TubeResults results = app.getBean(TubeResults.class);
            time("import", results, office, campaign, file, rows);
            time("re-import (all recorded)", results, office, campaign, file, rows);
        }
    }

    private static void time(String what, TubeResults results, HaolinUser office, long campaign, Path file, int rows)
            throws IOException {
        long start = System.nanoTime();
        ResultsApplied applied;
        try (InputStream in = Files.newInputStream(file)) {
            applied = results.importWorkbook(office, campaign, in);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-26s rows %,7d  applied %,7d  unchanged %,7d  problems %,5d  positives %,4d  %6.2f s  %,8.0f rows/s%n",
                what, rows, applied.applied(), applied.unchanged(), applied.problems().size(),
                applied.newPositives().size(), seconds, rows / seconds);
    }

    private static long campaign(DSLContext db, Area town, Area compound, int tubes) {
        OffsetDateTime now = OffsetDateTime.now();
        long campaign = db.insertInto(CAMPAIGN).set(CAMPAIGN.TOWN_ID, town.townId()).set(CAMPAIGN.AREA_ID, town.id())
                .set(CAMPAIGN.AREA_PATH, town.path()).set(CAMPAIGN.TYPE_CODE, "NUCLEIC_ACID").set(CAMPAIGN.NAME, "bench")
                .set(CAMPAIGN.STARTS_AT, now.minusHours(8)).set(CAMPAIGN.ENDS_AT, now)
                .set(CAMPAIGN.CAMPAIGN_DAY, now.toLocalDate()).set(CAMPAIGN.TUBE_SIZE, 10).set(CAMPAIGN.STATE, "OPEN")
                .set(CAMPAIGN.CREATED_BY_NAME, "bench").set(CAMPAIGN.CREATED_AT, now)
                .returning(CAMPAIGN.ID).fetchOne().getId();
        long point = db.insertInto(CAMPAIGN_POINT).set(CAMPAIGN_POINT.TOWN_ID, town.townId())
                .set(CAMPAIGN_POINT.AREA_ID, compound.id()).set(CAMPAIGN_POINT.AREA_PATH, compound.path())
                .set(CAMPAIGN_POINT.CAMPAIGN_ID, campaign).set(CAMPAIGN_POINT.NAME, "1号采样点")
                .returning(CAMPAIGN_POINT.ID).fetchOne().getId();
        for (int i = 0; i < tubes; i += 1000) {
            var insert = db.insertInto(TUBE, TUBE.TOWN_ID, TUBE.AREA_ID, TUBE.AREA_PATH, TUBE.CAMPAIGN_ID, TUBE.POINT_ID,
                    TUBE.CODE, TUBE.CAPACITY, TUBE.PEOPLE, TUBE.OPENED_AT, TUBE.CLOSED_AT);
            for (int k = i; k < Math.min(tubes, i + 1000); k++) {
                insert = insert.values(town.townId(), compound.id(), compound.path(), campaign, point, code(k), 10, 10,
                        now.minusHours(2), now.minusHours(1));
            }
            insert.execute();
        }
        return campaign;
    }

    private static Path workbook(Path file, int rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Lab", "1.0");
            Worksheet sheet = workbook.newWorksheet("检测结果");
            sheet.value(0, 0, "试管编号");
            sheet.value(0, 1, "检测结果");
            for (int r = 0; r < rows; r++) {
                sheet.value(r + 1, 0, code(r));
                sheet.value(r + 1, 1, r % 1000 == 999 ? "阳性" : "阴性");
            }
            workbook.finish();
        }
        return file;
    }

    private static String code(int n) {
        return String.format("HL%08d", n);
    }
}
