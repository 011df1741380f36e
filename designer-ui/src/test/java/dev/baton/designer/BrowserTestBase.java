package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test of the designer shares: Debian's headless Chromium driven by
 * Playwright (started once per test class), signing in as a demo user, screenshots under
 * {@code target/screenshots/} and waiting for the application to reach a state.
 */
abstract class BrowserTestBase extends DesignerTestBase {
  private static final Path SHOTS = Paths.get("target", "screenshots");
  private static Playwright playwright;
  private static Browser browser;

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() {
    PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update",
            "--disable-sync")));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
    if (playwright != null) {
      playwright.close();
      playwright = null;
    }
  }

  /** The address of a view of the application under test, e.g. {@code url("/reviews")}. */
  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** A new browser (own cookies) signed in as a demo user, in English, 1500×1000. */
  Page signIn(String user) {
    return signIn(user, 1500, 1000);
  }

  /** A new browser (own cookies) signed in as a demo user, in English, of the given size. */
  Page signIn(String user, int width, int height) {
    return signIn(user, width, height, "en-US");
  }

  /** A new browser signed in as a demo user, 1500×1000, in the browser language given. */
  Page signIn(String user, String browserLocale) {
    return signIn(user, 1500, 1000, browserLocale);
  }

  /** A new browser (own cookies) signed in as a demo user, of the size and language given. */
  Page signIn(String user, int width, int height, String browserLocale) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setLocale(browserLocale).setViewportSize(width, height));
    context.setDefaultTimeout(30_000);
    Page page = context.newPage();
    page.navigate(url("/login"));
    page.locator("input[name='username']").fill(user);
    page.locator("input[name='password']").fill(user);
    page.locator("input[name='password']").press("Enter");
    assertThat(page.locator("#current-user")).containsText(user);
    return page;
  }

  /** Keeps a full-page screenshot as {@code target/screenshots/<name>.png}. */
  static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png"))
        .setFullPage(true));
  }

  /** Polls the probe for up to a minute until it has a value; fails naming what it awaited. */
  static <T> T await(Supplier<Optional<T>> probe, String what) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      Optional<T> v = probe.get();
      if (v.isPresent()) {
        return v.get();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("Timed out waiting for " + what);
  }
}
