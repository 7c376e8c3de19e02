package com.qteria.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.identity.accounts.Accounts;
import com.qteria.support.Browser;
import com.qteria.support.PageChecks;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page, in English and German, as a person sees it: checked against the rules of PRODUCT.md ({@link PageChecks})
 * and, with {@code -Dqteria.screenshots=<folder>}, saved as PNGs to look at.
 */
@QteriaTest
class PageTourTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void signInPages(String lang) {
        data.newTenant(); // once anyone has an account, the setup page is gone and sign-in is shown
        Page page = browser.open(port);
        visit(page, "/login?lang=" + lang, "login-" + lang);

        Browser.signIn(page, "nobody-" + TestData.unique() + "@example.com", "not the password");
        assertThat(page.getByTestId("login-error")).isVisible();
        check(page, "login-error-" + lang);

        visit(page, "/login?throttled=840", "login-throttled-" + lang);
        assertThat(page.getByTestId("login-throttled")).containsText("14");
        visit(page, "/login?signed-out", "login-signed-out-" + lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void adminPages(String lang) {
        TestData.Tenant tenant = data.newTenant();
        tenant.user(Role.PROCESS_MANAGER);
        CurrentUser leaver = tenant.user(Role.PROJECT_HANDLER);
        accounts.deactivate(tenant.admin(), leaver.id());
        Page page = browser.open(port);
        page.navigate("/login?lang=" + lang);
        Browser.signIn(page, tenant.admin().email(), TestData.PASSWORD);
        check(page, "dashboard-admin-" + lang);

        visit(page, "/admin/users", "users-" + lang);
        Locator form = page.getByTestId("new-user-form");
        form.locator("input[name=name]").fill("Second Admin");
        form.locator("input[name=email]").fill(leaver.email());
        form.locator("input[name=password]").fill("short");
        form.locator("button[type=submit]").click();
        assertThat(form.locator(".field-error").first()).isVisible();
        check(page, "users-errors-" + lang);

        visit(page, "/admin/audit", "audit-" + lang);
        page.getByTestId("verify-audit").click();
        assertThat(page.getByTestId("audit-verification")).isVisible();
        check(page, "audit-verified-" + lang);

        visit(page, "/admin/ai", "ai-settings-" + lang);
        assertThat(page.getByTestId("ai-effective")).isVisible();
        Locator ai = page.getByTestId("ai-form");
        ai.locator("input[name=budget]").fill("lots");
        ai.getByTestId("ai-save").click();
        assertThat(ai.locator(".field-error")).isVisible();
        check(page, "ai-settings-errors-" + lang);
        ai.locator("input[name=budget]").fill("250");
        ai.getByTestId("ai-save").click();
        assertThat(page.getByTestId("notice")).isVisible();
        assertThat(page.getByTestId("ai-spent")).containsText("250.00");
        check(page, "ai-settings-saved-" + lang);

        visit(page, "/admin/retention", "retention-" + lang);
        assertThat(page.getByTestId("retention-preview")).isVisible();
        Locator retention = page.getByTestId("retention-form");
        retention.locator("input[name=days]").fill("0");
        retention.getByTestId("retention-save").click();
        assertThat(retention.locator(".field-error")).isVisible();
        check(page, "retention-errors-" + lang);
        retention.locator("input[name=days]").fill("365");
        retention.getByTestId("retention-save").click();
        assertThat(page.getByTestId("notice")).isVisible();
        assertThat(page.getByTestId("retention-policy")).containsText("365");
        check(page, "retention-saved-" + lang);

        visit(page, "/admin/flags", "flags-" + lang);
        Locator flag = page.locator("[data-flag=shared_report_pdf]");
        flag.getByTestId("organization-state").selectOption("on");
        flag.getByTestId("organization-save").click();
        assertThat(page.getByTestId("notice")).isVisible();
        flag.getByTestId("user-choice").selectOption(tenant.admin().id().toString());
        flag.getByTestId("user-state-choice").selectOption("off");
        flag.getByTestId("user-save").click();
        assertThat(flag.getByTestId("user-switches")).containsText(tenant.admin().email());
        check(page, "flags-switched-" + lang);

        assertThat(page.navigate("/no-such-page").status()).isEqualTo(404);
        check(page, "not-found-" + lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void projectHandlerPages(String lang) {
        CurrentUser handler = data.newTenant().user(Role.PROJECT_HANDLER);
        Page page = browser.open(port);
        page.navigate("/login?lang=" + lang);
        Browser.signIn(page, handler.email(), TestData.PASSWORD);
        check(page, "dashboard-handler-" + lang);

        page.getByTestId("profile-link").click();
        assertThat(page.getByTestId("email-on-completion")).isChecked();
        check(page, "profile-" + lang);
        page.getByTestId("email-on-completion").uncheck();
        page.getByTestId("preferences-save").click();
        assertThat(page.getByTestId("notice")).isVisible();
        assertThat(page.getByTestId("email-on-completion")).not().isChecked();
        check(page, "profile-saved-" + lang);

        assertThat(page.navigate("/admin/users").status()).isEqualTo(403);
        assertThat(page.navigate("/admin/ai").status()).isEqualTo(403);
        assertThat(page.navigate("/admin/flags").status()).isEqualTo(403);
        assertThat(page.navigate("/admin/retention").status()).isEqualTo(403);
        check(page, "forbidden-" + lang);

        page.navigate("/");
        assertThat(Browser.postForm(page, "/logout", Map.of(), false).status()).isEqualTo(403);
        check(page, "form-expired-" + lang);
    }

    private void visit(Page page, String path, String name) {
        page.navigate(path);
        check(page, name);
    }

    private void check(Page page, String name) {
        Browser.capture(page, name);
        PageChecks.assertUsable(browser, page);
    }
}
