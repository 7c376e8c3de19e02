package com.qteria.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.qteria.support.Browser;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in and out through the form in a real browser, and the CSRF protection of every form. */
@QteriaTest
class SignInBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    IdentityManagement identity;

    @Test
    void aUserSignsInSeesTheirOrganizationAndRoleAndSignsOut() {
        TestData.Tenant tenant = data.newTenant();
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        Page page = browser.open(port);

        page.navigate("/");
        assertThat(page).hasURL(url("/login"));

        Browser.signIn(page, handler.email(), "not the password");
        assertThat(page).hasURL(url("/login?error"));
        assertThat(page.getByTestId("login-error")).hasText("Email or password is not correct. Check both and try again.");

        Browser.signIn(page, handler.email(), TestData.PASSWORD);
        assertThat(page).hasURL(Pattern.compile("^http://localhost:" + port + "/(\\?continue)?$"));
        assertThat(page.getByTestId("organization-name")).hasText(identity.organization(tenant.id()).name());
        assertThat(page.getByTestId("role")).hasText("Project handler");
        assertThat(page.getByTestId("current-user")).containsText(handler.name());

        page.getByTestId("sign-out").click();
        assertThat(page).hasURL(url("/login?signed-out"));
        assertThat(page.getByTestId("signed-out")).isVisible();
        page.navigate("/");
        assertThat(page).hasURL(url("/login"));
        assertThat(browser.problems(page)).isEmpty();
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndTheSameWithTheTokenWorks() {
        TestData.Tenant tenant = data.newTenant();
        Page page = browser.open(port);
        Browser.signIn(page, tenant.admin().email(), TestData.PASSWORD);
        assertThat(page).hasURL(url("/"));

        String forged = "forged-" + TestData.unique() + "@example.com";
        Response refused = Browser.postForm(page, "/admin/users", Map.of("name", "Forged", "email", forged, "role", "ADMIN"), false);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(page.getByTestId("error-page")).hasAttribute("data-status", "403");
        assertThat(page.getByTestId("error-page")).hasAttribute("data-reason", "csrf");
        assertThat(page.locator("h1")).hasText("This form has expired");

        page.navigate("/");
        String genuine = "genuine-" + TestData.unique() + "@example.com";
        Response accepted = Browser.postForm(page, "/admin/users", Map.of("name", "Genuine", "email", genuine, "role", "PROJECT_HANDLER"), true);
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(page).hasURL(url("/admin/users"));
        assertThat(page.locator("tr[data-email='" + genuine + "']")).isVisible();
        assertThat(page.locator("tr[data-email='" + forged + "']")).hasCount(0);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
