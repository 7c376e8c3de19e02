package com.qteria.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.qteria.support.Browser;
import com.qteria.support.PageChecks;
import com.qteria.support.QteriaTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A fresh installation in a real browser: the first visitor is led through the one-time setup. */
@QteriaTest
@TestPropertySource(properties = "qteria.test.context=first-run")
class FirstRunBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void theFirstVisitSetsUpTheOrganizationAndTheSetupPageIsGoneAfterwards() {
        Page page = browser.open(port);
        page.navigate("/?lang=de");
        assertThat(page).hasURL(url("/setup"));
        assertThat(page.locator("h1")).hasText("Qteria einrichten");
        check(page, "setup-de");
        page.navigate("/setup?lang=en");
        check(page, "setup-en");

        // A typo in the repeated password is caught, the rest of the form is kept.
        page.getByLabel("Organization").fill("TÜV Test Certification GmbH");
        page.getByLabel("Name").fill("Ada Admin");
        page.getByLabel("Email").fill("ada@example.com");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("a long enough password");
        page.getByLabel("Repeat password").fill("a long enough passw0rd");
        page.getByTestId("setup-form").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(page.getByText("The passwords do not match.")).isVisible();
        assertThat(page.getByLabel("Organization")).hasValue("TÜV Test Certification GmbH");
        check(page, "setup-errors-en");

        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("a long enough password");
        page.getByLabel("Repeat password").fill("a long enough password");
        page.getByTestId("setup-form").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();

        assertThat(page).hasURL(url("/"));
        assertThat(page.getByTestId("organization-name")).hasText("TÜV Test Certification GmbH");
        assertThat(page.getByTestId("role")).hasText("Admin");
        assertThat(page.getByTestId("nav-users")).isVisible();

        Response again = page.navigate("/setup");
        assertThat(again.status()).isEqualTo(404);
        assertThat(page.getByTestId("error-page")).hasAttribute("data-status", "404");

        Page stranger = browser.open(port);
        assertThat(stranger.navigate("/setup").status()).isEqualTo(404);
        stranger.navigate("/");
        assertThat(stranger).hasURL(url("/login"));
        assertThat(browser.problems(page)).isEmpty();
    }

    private static void check(Page page, String name) {
        Browser.capture(page, name);
        PageChecks.assertUsable(browser, page);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
