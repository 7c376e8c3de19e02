package com.qteria.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Chromium for end-to-end tests, driven by Playwright. Register it in a {@link QteriaTest} class and open a
 * page per visitor:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Browser browser = new Browser();
 *
 * @Test
 * void something(@LocalServerPort int port) {
 *     Page page = browser.open(port);
 *     Browser.signIn(page, email, TestData.PASSWORD);
 * }
 * }</pre>
 *
 * Every {@link #open} is a fresh browser context (own cookies, English unless told otherwise), closed after each
 * test; when a test fails, each of its pages is saved as a PNG under {@code target/playwright/}. Console errors,
 * uncaught script errors and Content-Security-Policy violations are collected per page ({@link #problems}).
 * <p>
 * Browsers are never downloaded: the system Chromium is used, from {@code QTERIA_CHROMIUM} or {@code /usr/bin/chromium}.
 * Without one the tests are skipped, except on CI ({@code CI=true}), where they fail.
 */
public final class Browser implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    public static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    private static final Path FAILURE_SCREENSHOTS = Path.of("target", "playwright");

    private static final String POST_FORM = """
            ([action, fields, withToken]) => {
              const form = document.createElement('form');
              form.method = 'post';
              form.action = action;
              const all = Object.assign({}, fields);
              if (withToken) {
                all['_csrf'] = document.querySelector('meta[name="csrf-token"]').content;
              }
              for (const [name, value] of Object.entries(all)) {
                const input = document.createElement('input');
                input.type = 'hidden';
                input.name = name;
                input.value = value;
                form.appendChild(input);
              }
              document.body.appendChild(form);
              form.submit();
            }""";

    private Playwright playwright;
    private com.microsoft.playwright.Browser chromium;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final Map<Page, List<String>> problems = Collections.synchronizedMap(new IdentityHashMap<>());

    /** The Chromium executable to drive, or an aborted (skipped) test when there is none outside CI. */
    public static Path chromiumExecutable() {
        String configured = System.getenv("QTERIA_CHROMIUM");
        Path executable = Path.of(configured == null || configured.isBlank() ? DEFAULT_CHROMIUM : configured);
        if (!Files.isExecutable(executable)) {
            String message = "No Chromium executable at " + executable
                    + ". Install chromium or point QTERIA_CHROMIUM at a Chromium or Chrome executable.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + " Browser tests must run on CI (CI=true).");
            }
            Assumptions.abort(message + " Browser tests are skipped.");
        }
        return executable;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Path executable = chromiumExecutable();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(ARGS));
    }

    /** A page in a new browser context (a new visitor) with English as the browser language. */
    public Page open(int port) {
        return open(port, "en-US");
    }

    /** A page in a new browser context whose browser language ({@code Accept-Language}) is {@code locale}. */
    public Page open(int port, String locale) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setLocale(locale)
                .setViewportSize(1280, 800));
        context.setDefaultTimeout(10_000);
        contexts.add(context);
        Page page = context.newPage();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        problems.put(page, seen);
        page.onConsoleMessage(message -> {
            // Failed loads are reported by onResponse below, where a page's own error status can be told apart.
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                seen.add(page.url() + ": " + message.text());
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 400 && !"document".equals(response.request().resourceType())) {
                seen.add(page.url() + ": " + response.status() + " for " + response.url());
            }
        });
        page.onPageError(error -> seen.add(page.url() + ": uncaught " + error));
        return page;
    }

    /**
     * What went wrong in the page so far that a visitor might not see: console errors (including CSP violations),
     * uncaught script errors and failed loads of scripts, styles, images or fetches. The error status of a page itself
     * (a 404 page) is not counted; assert on the navigation's response for that.
     */
    public List<String> problems(Page page) {
        return List.copyOf(problems.getOrDefault(page, List.of()));
    }

    /** Signs in through the form, as a person would, and waits for the page that follows. */
    public static void signIn(Page page, String email, String password) {
        page.navigate("/login");
        Locator form = page.getByTestId("login-form");
        form.locator("input[name=email]").fill(email);
        form.locator("input[name=password]").fill(password);
        form.locator("button[type=submit]").click();
        page.waitForURL(url -> !url.endsWith("/login"));
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    /**
     * Submits a form that a script builds in {@code page} — the way a forged cross-site form would arrive — with or
     * without the page's CSRF token (from the {@code csrf-token} meta tag), and returns the response to that POST.
     */
    public static Response postForm(Page page, String action, Map<String, String> fields, boolean withCsrfToken) {
        Response response = page.waitForResponse(
                answer -> answer.url().endsWith(action) && "POST".equals(answer.request().method()),
                () -> page.evaluate(POST_FORM, List.of(action, fields, withCsrfToken)));
        page.waitForLoadState(LoadState.LOAD);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return response;
    }

    /**
     * Saves a full-page PNG of {@code page} as {@code <name>.png} in the folder named by the system property
     * {@code qteria.screenshots} (e.g. {@code -Dqteria.screenshots=target/screenshots}), for people to look at the
     * pages; does nothing without it.
     */
    public static void capture(Page page, String name) {
        String dir = System.getProperty("qteria.screenshots");
        if (dir != null && !dir.isBlank()) {
            screenshot(page, Path.of(dir), name);
        }
    }

    /** Saves a full-page PNG of {@code page} as {@code <dir>/<name>.png}. */
    public static Path screenshot(Page page, Path dir, String name) {
        Path file = dir.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (context.getExecutionException().isPresent()) {
                saveFailureScreenshots(context);
            }
        } finally {
            contexts.forEach(BrowserContext::close);
            contexts.clear();
            problems.clear();
        }
    }

    private void saveFailureScreenshots(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        int n = 0;
        for (BrowserContext browserContext : contexts) {
            for (Page page : browserContext.pages()) {
                try {
                    Path file = screenshot(page, FAILURE_SCREENSHOTS, name + "-" + (++n));
                    System.err.println("Screenshot of " + page.url() + " at the failure: " + file.toAbsolutePath());
                } catch (RuntimeException e) {
                    System.err.println("No screenshot of " + page.url() + ": " + e.getMessage());
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }
}
