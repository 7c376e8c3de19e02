package com.qteria.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.qteria.support.Browser;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin manages the organization's users in a real browser; what a project handler may and may not see. */
@QteriaTest
class UsersBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    @Test
    void anAdminAddsAProjectHandlerChangesTheirRoleAndDeactivatesThem() {
        TestData.Tenant tenant = data.newTenant();
        Page admin = browser.open(port);
        Browser.signIn(admin, tenant.admin().email(), TestData.PASSWORD);
        admin.getByTestId("nav-users").click();
        assertThat(admin.getByTestId("nav-users")).hasAttribute("aria-current", "page");

        String email = "handler-" + TestData.unique() + "@example.com";
        Locator form = admin.getByTestId("new-user-form");
        form.getByLabel("Name").fill("Hanna Handler");
        form.getByLabel("Email").fill(email);
        form.getByLabel("Role").selectOption("PROJECT_HANDLER");
        form.getByLabel("Initial password").fill(TestData.PASSWORD);
        form.locator("button[type=submit]").click();
        assertThat(admin.getByTestId("notice")).hasText("The user was added.");
        Locator row = admin.locator("tr[data-email='" + email + "']");
        assertThat(row.getByTestId("role-select")).hasValue("PROJECT_HANDLER");
        assertThat(row.getByTestId("user-status")).hasText("Active");

        // The project handler signs in: no admin navigation, and the admin pages answer with the 403 page.
        Page handler = browser.open(port);
        Browser.signIn(handler, email, TestData.PASSWORD);
        assertThat(handler.getByTestId("role")).hasText("Project handler");
        assertThat(handler.getByTestId("nav-dashboard")).isVisible();
        assertThat(handler.getByTestId("nav-users")).hasCount(0);
        assertThat(handler.getByTestId("nav-audit")).hasCount(0);
        assertThat(handler.navigate("/admin/users").status()).isEqualTo(403);
        assertThat(handler.getByTestId("error-page")).hasAttribute("data-status", "403");
        assertThat(handler.locator("h1")).hasText("No access to this page");
        assertThat(handler.navigate("/admin/audit").status()).isEqualTo(403);

        row.getByTestId("role-select").selectOption("PROCESS_MANAGER");
        row.getByTestId("change-role").click();
        assertThat(admin.getByTestId("notice")).hasText("The user was updated.");
        assertThat(row.getByTestId("role-select")).hasValue("PROCESS_MANAGER");

        // A role change ends the user's sessions, so the new role applies at once.
        handler.navigate("/");
        assertThat(handler).hasURL("http://localhost:" + port + "/login");

        row.getByTestId("toggle-active").click();
        assertThat(admin.getByTestId("notice")).hasText("The user was updated.");
        assertThat(row.getByTestId("user-status")).hasText("Deactivated");
        assertThat(row.getByTestId("toggle-active")).hasText("Reactivate");

        Browser.signIn(handler, email, TestData.PASSWORD);
        assertThat(handler.getByTestId("login-error")).isVisible();
        assertThat(browser.problems(admin)).isEmpty();
    }
}
