package org.haolin.demo.internal;

import org.haolin.platform.HaolinProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * On a first start in demo mode (no town yet) loads the demo town; on every start prints where Haolin
 * answers and where the demo logins are. A restart finds the town and generates nothing.
 */
@Component
class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final String RULE = "=".repeat(78);

    private final DemoTownLoader demoTown;
    private final HaolinProperties properties;
    private final DemoConsole console;

    DemoLoader(DemoTownLoader demoTown, HaolinProperties properties, DemoConsole console) {
        this.demoTown = demoTown;
        this.properties = properties;
        this.console = console;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        if (properties.demo().enabled() && !demoTown.anyTown()) {
            try {
                demoTown.load();
            } catch (RuntimeException e) {
                log.error("The demo town could not be loaded; Haolin runs without it", e);
            }
        }
        banner(event.getApplicationContext().getEnvironment());
    }

    /** Only for a server that listens: not for tests on a mock web environment, nor the city command. */
    private void banner(Environment environment) {
        String port = environment.getProperty("local.server.port");
        if (port == null || Integer.parseInt(port) <= 0) {
            return;
        }
        Path credentials = DemoTownLoader.credentialsFile(properties);
        StringBuilder banner = new StringBuilder("\n").append(RULE).append('\n')
                .append("  ").append(console.text("demo.banner.url", "http://localhost:" + port + "/")).append('\n');
        if (Files.exists(credentials)) {
            banner.append("  ").append(console.text("demo.banner.logins")).append('\n')
                    .append("    ").append(credentials).append('\n');
        } else {
            banner.append("  ").append(console.text("demo.banner.noLogins", credentials)).append('\n');
        }
        System.out.println(banner.append(RULE));
    }
}
