package org.haolin.demo;

import org.haolin.HaolinApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * City-scale data for benchmarks: generates and bulk loads the residents, then exits.
 * <pre>
 * ./mvnw -q compile
 * ./mvnw -q exec:java -Dexec.mainClass=org.haolin.demo.GenerateCity -Dexec.args="--residents=1000000 --data-dir=./data-bench"
 * </pre>
 * (Two commands: with -Dexec.args on a build that runs generate-sources, the jOOQ code generation step would
 * take those arguments as its own.)
 * Options: --residents (1000000), --data-dir (./data-bench; or HAOLIN_DB_URL for an external PostgreSQL),
 * --town-size (50000 residents per town), --seed.
 * Towns already in the database are skipped. Demo logins for the first town go to demo-credentials.tsv.
 */
public final class GenerateCity {

    private GenerateCity() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        int residents = Integer.parseInt(options.getOrDefault("residents", "1000000"));
        int townSize = Integer.parseInt(options.getOrDefault("town-size", "50000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "20260428"));
        try (ConfigurableApplicationContext context = start(options.getOrDefault("data-dir", "./data-bench"))) {
            DemoData demo = context.getBean(DemoData.class);
            CityFigures figures = demo.generateCity(residents, townSize, seed);
            MessageSource messages = context.getBean(MessageSource.class);
            Locale locale = Locale.getDefault();
            System.out.println(messages.getMessage("demo.city.done", new Object[]{figures.residents(), figures.towns(),
                    figures.rows(), oneDecimal(figures.loadSeconds()), Math.round(figures.rowsPerSecond()),
                    Math.round(figures.residentsPerSecond()), oneDecimal(figures.totalSeconds())}, locale));
            System.out.println(messages.getMessage("demo.city.logins", new Object[]{demo.credentialsFile()}, locale));
        }
    }

    /** Haolin without a listening web port (server.port=-1) and without the 20,000-resident demo town. */
    static ConfigurableApplicationContext start(String dataDir) {
        SpringApplication app = new SpringApplication(HaolinApplication.class);
        return app.run("--server.port=-1", "--haolin.data-dir=" + dataDir, "--haolin.demo.enabled=false",
                "--spring.main.banner-mode=off", "--logging.level.root=warn");
    }

    private static String oneDecimal(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
