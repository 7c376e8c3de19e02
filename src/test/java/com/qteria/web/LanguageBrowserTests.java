package com.qteria.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.qteria.support.Browser;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** German in a real browser: chosen once with {@code ?lang=de}, kept on every page until switched back. */
@QteriaTest
class LanguageBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    @Test
    void germanChosenOnTheSignInPageSticksAcrossPagesUntilSwitchedBack() {
        TestData.Tenant tenant = data.newTenant();
        Page page = browser.open(port);

        page.navigate("/login?lang=de");
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(page.locator("h1")).hasText("Bei Qteria anmelden");
        assertThat(page.getByTestId("login-form").locator("button[type=submit]")).hasText("Anmelden");

        Browser.signIn(page, tenant.admin().email(), TestData.PASSWORD);
        assertThat(page.getByTestId("role")).hasText("Administrator");
        assertThat(page.getByTestId("nav-dashboard")).hasText("Übersicht");
        assertThat(page.getByTestId("sign-out")).hasText("Abmelden");

        page.getByTestId("nav-users").click();
        assertThat(page.locator("h1")).hasText("Benutzer");
        assertThat(page.getByTestId("new-user-form").locator("button[type=submit]")).hasText("Benutzer hinzufügen");

        page.getByTestId("lang-en").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("h1")).hasText("Users");
        page.getByTestId("nav-dashboard").click();
        assertThat(page.getByTestId("role")).hasText("Admin");
    }
}
