package org.haolin.journey;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, started once per JVM for every journey and closed when the test run ends. After a
 * failed test it saves what each of the test's pages showed under target/journeys/.
 */
final class Chromium implements BeforeEachCallback, AfterTestExecutionCallback {

    static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "journeys");
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);

    /** Hands the journey the shared browser, kept in the store of the whole run so JUnit closes it at the end. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (context.getRequiredTestInstance() instanceof Journey journey) {
            journey.browser = context.getRoot().getStore(NAMESPACE)
                    .computeIfAbsent(Shared.class, key -> new Shared(), Shared.class).browser;
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        boolean failed = context.getExecutionException().filter(e -> !(e instanceof TestAbortedException)).isPresent();
        if (failed && context.getRequiredTestInstance() instanceof Journey journey) {
            String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
            journey.screenshots(SCREENSHOTS, name);
        }
    }

    private static final class Shared implements AutoCloseable {

        private final Playwright playwright;
        private final Browser browser;

        Shared() {
            // Never fetch a browser of Playwright's own: the machine's Chromium is the one under test.
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(FLAGS));
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }
}
