package org.haolin.journey;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import org.haolin.TestTown;
import org.haolin.access.Accounts;
import org.haolin.access.HaolinUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A journey: a person using Haolin in Chromium against the whole application on a random port. Every
 * journey class shares one application context (keep the annotations as they are: no per-class
 * properties or mock beans) and one browser; each test gets fresh browser contexts, so no cookies or
 * sessions leak between tests. A script error or a content-security-policy violation fails the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestTown.class)
@ExtendWith(Chromium.class)
public abstract class Journey {

    @LocalServerPort
    int port;
    @Autowired
    protected TestTown testTown;
    @Autowired
    protected Accounts accounts;

    /** Set by {@link Chromium} before each test. */
    Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<Page> pages = new ArrayList<>();
    private final List<String> scriptErrors = new CopyOnWriteArrayList<>();

    /** A new browser (no cookies, no session) on the given screen. */
    protected Page open(Screen screen) {
        return open(screen.options());
    }

    /** A new browser with these options (e.g. service workers blocked, so page.route sees every request). */
    protected Page open(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        contexts.add(context);
        Page page = context.newPage();
        page.setDefaultTimeout(10_000);
        page.onPageError(error -> scriptErrors.add(error));
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                scriptErrors.add(message.text());
            }
        });
        pages.add(page);
        return page;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in with user name and password, as on the login page. */
    protected void signIn(Page page, HaolinUser user) {
        page.navigate(url("/login"));
        page.locator("#username").fill(user.username());
        page.locator("#password").fill(TestTown.PASSWORD);
        page.locator("form[action$='/login'] button[type=submit]").click();
    }

    /** Gives the account a known authenticator key, signs in, and enters the code the authenticator would show. */
    protected void signInWithSecondFactor(Page page, HaolinUser user) {
        String secret = new DefaultSecretGenerator().generate();
        accounts.setSecondFactorSecret(user.accountId(), secret);
        signIn(page, user);
        assertThat(page.locator("#code")).isVisible();
        page.locator("#code").fill(currentCode(secret));
        page.locator("form[action$='/login/second-factor'] button[type=submit]").click();
    }

    private static String currentCode(String secret) {
        try {
            return new DefaultCodeGenerator().generate(secret, Math.floorDiv(Instant.now().getEpochSecond(), 30));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void closeBrowsers() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        pages.clear();
        org.assertj.core.api.Assertions.assertThat(scriptErrors).as("script errors or blocked scripts in the pages").isEmpty();
    }

    /** Called on failure, before the browsers close: one full-page picture per page of the test. */
    void screenshots(Path directory, String name) {
        try {
            Files.createDirectories(directory);
            for (int i = 0; i < pages.size(); i++) {
                Page page = pages.get(i);
                if (!page.isClosed()) {
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                            .setPath(directory.resolve(name + (i == 0 ? "" : "-" + i) + ".png")));
                }
            }
        } catch (Exception e) {
            System.err.println("Could not save a screenshot of " + name + ": " + e);
        }
    }
}
