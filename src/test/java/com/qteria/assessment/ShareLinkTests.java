package com.qteria.assessment;

import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.assessment.share.ShareProperties;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.MutableClock;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Share links (issue 13): a completed assessment's read-only report behind an expiring, revocable link whose secret is
 * shown once and stored hashed; the report shows the results and nothing else of the product, is not cached or
 * indexed, is audited per view, answers 404 once expired or revoked and 429 beyond the limit per address.
 */
@QteriaTest
class ShareLinkTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ShareProperties settings;

    ResultReviewApiTests.Completed completed() throws Exception {
        return ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
    }

    ResultActions share(ResultReviewApiTests.Completed c, String body) throws Exception {
        return mvc.perform(json(post("/api/v1/assessments/" + c.id() + "/shares"), c.token(), body));
    }

    /** A view of the shared report from its own client address, so tests do not share a rate limit. */
    static MockHttpServletRequestBuilder view(String url) {
        String address = "10.13." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.incrementAndGet() % 250 + 1);
        return view(url, address);
    }

    static MockHttpServletRequestBuilder view(String url, String address) {
        return get(url.substring(url.indexOf("/s/"))).with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    @Test
    void aShareIsCreatedWithItsLinkShownOnceAndListedWithoutIt() throws Exception {
        ResultReviewApiTests.Completed c = completed();
        Instant before = clock.instant();

        String created = share(c, "{\"expires_in_days\": 14}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andExpect(jsonPath("$.url").value(Matchers.matchesPattern("http://localhost:\\d+/s/[A-Za-z0-9_-]{43}")))
                .andExpect(jsonPath("$.expires_at").value(Matchers.endsWith("Z")))
                .andReturn().getResponse().getContentAsString();
        String url = JsonPath.read(created, "$.url");
        String secret = url.substring(url.lastIndexOf('/') + 1);
        assertThat(Instant.parse(JsonPath.read(created, "$.expires_at")))
                .isBetween(before.plus(Duration.ofDays(14)).minusSeconds(1), clock.instant().plus(Duration.ofDays(14)));
        share(c, "{}").andExpect(status().isCreated());

        String list = mvc.perform(get("/api/v1/assessments/" + c.id() + "/shares")
                        .header("Authorization", "Bearer " + c.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[1].id").value((String) JsonPath.read(created, "$.id")))
                .andExpect(jsonPath("$.items[1].created_by").isNotEmpty())
                .andExpect(jsonPath("$.items[1].created_at").isNotEmpty())
                .andExpect(jsonPath("$.items[1].revoked_at").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.items[1].views").value(0))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(secret).doesNotContain("url").doesNotContain("token");
        assertThat(jdbc.sql("select count(*) from assessment_shares where token_hash = :s").param("s", secret)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'share.created' and resource_id = :id")
                .param("id", JsonPath.read(created, "$.id")).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select details from audit_events where action = 'share.created'").query(String.class)
                .list()).noneMatch(d -> d.contains(secret));
    }

    @Test
    void theExpiryIsOneToThirtyDaysAndOnlyACompletedAssessmentIsShared() throws Exception {
        ResultReviewApiTests.Completed c = completed();
        for (String days : List.of("0", "31", "-1")) {
            share(c, "{\"expires_in_days\": " + days + "}").andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("expires_in_days"));
        }
        share(c, "{\"expires_in_days\": 1}").andExpect(status().isCreated());
        share(c, "{\"expires_in_days\": 30}").andExpect(status().isCreated());

        ResultReviewApiTests.Completed failed = ResultReviewApiTests.completed(mvc, c.setup());
        jdbc.sql("update assessments set status = :failed where id = :id")
                .param("failed", AssessmentStatus.FAILED.value()).param("id", java.util.UUID.fromString(failed.id()))
                .update();
        mvc.perform(json(post("/api/v1/assessments/" + failed.id() + "/shares"), c.token(), "{}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ASSESSMENT_NOT_READY"));
    }

    @Test
    void everyRoleMayShare() throws Exception {
        ResultReviewApiTests.Completed c = completed();
        for (Role role : Role.values()) {
            mvc.perform(json(post("/api/v1/assessments/" + c.id() + "/shares"), c.setup().tenant().tokenOf(role), "{}"))
                    .andExpect(status().isCreated());
        }
    }

    @Test
    void theReportShowsTheResultsReadOnlyWithoutTheProductAndIsAuditedPerView() throws Exception {
        ResultReviewApiTests.Completed c = completed();
        mvc.perform(json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put(c.results("safety") + "/review"), c.token(),
                "{\"verdict\": \"pass\", \"comment\": \"Page 1 has the safety instructions.\"}"))
                .andExpect(status().isOk());
        String created = share(c, "{}").andReturn().getResponse().getContentAsString();
        String url = JsonPath.read(created, "$.url");
        String shareId = JsonPath.read(created, "$.id");

        String page = mvc.perform(view(url)).andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(header().string("X-Robots-Tag", Matchers.containsString("noindex")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"shared-report\"", "noindex", "LVD · v1",
                "Test report cites IEC 62368-1", "Manual explains safe use", "IEC 62368-1:2018",
                "Page 1 has the safety instructions.", "data-testid=\"review-line\"", "report.pdf",
                "data-testid=\"sha256\"", "data-testid=\"verdict\"");
        assertThat(page).doesNotContain("nav-dashboard", "/logout", "data-testid=\"review-form\"",
                "data-testid=\"feedback-form\"", "/assessments/", "/documents/", "csrf", "report.pdf\" href");
        mvc.perform(view(url)).andExpect(status().isOk());

        assertThat(jdbc.sql("select count(*) from audit_events where action = 'share.viewed' and resource_id = :id")
                .param("id", shareId).query(Integer.class).single()).isEqualTo(2);
        mvc.perform(get("/api/v1/assessments/" + c.id() + "/shares").header("Authorization", "Bearer " + c.token()))
                .andExpect(jsonPath("$.items[0].views").value(2));

        // The admin reads the views in the audit log: the link named by the assessment it shares, the visitor unnamed.
        org.jsoup.nodes.Document audit = org.jsoup.Jsoup.parse(mvc.perform(get("/admin/audit?action=share.viewed")
                        .with(com.qteria.support.SignedIn.as(c.setup().tenant().admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(audit.select("[data-testid=audit-entry]")).hasSize(2).allSatisfy(row -> {
            assertThat(row.selectFirst("[data-testid=audit-action]").text()).isEqualTo("Shared report viewed");
            assertThat(row.selectFirst("[data-testid=audit-actor]").text()).isEqualTo("Anonymous visitor");
            assertThat(row.selectFirst("[data-testid=audit-resource]").text()).startsWith("Share link").contains(shareId);
            assertThat(row.selectFirst("[data-testid=audit-resource-name]").text()).contains("LVD");
            assertThat(row.selectFirst("[data-testid=audit-resource-name]").attr("href"))
                    .isEqualTo("/assessments/" + c.id());
        });
    }

    @Test
    void theReportSpeaksGerman() throws Exception {
        ResultReviewApiTests.Completed c = completed();
        String url = JsonPath.read(share(c, "{}").andReturn().getResponse().getContentAsString(), "$.url");
        String page = mvc.perform(view(url).locale(Locale.GERMAN).header("Accept-Language", "de"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ein schreibgeschützter Bericht", "Geprüfte Dokumente");
    }

    @Test
    void aRevokedExpiredOrUnknownLinkIsTheNotFoundPage() throws Exception {
        ResultReviewApiTests.Completed c = completed();
        String revoked = share(c, "{}").andReturn().getResponse().getContentAsString();
        String expiring = share(c, "{\"expires_in_days\": 1}").andReturn().getResponse().getContentAsString();
        String revokedUrl = JsonPath.read(revoked, "$.url");
        mvc.perform(view(revokedUrl)).andExpect(status().isOk());

        mvc.perform(delete("/api/v1/shares/" + JsonPath.read(revoked, "$.id"))
                        .header("Authorization", "Bearer " + c.token()))
                .andExpect(status().isNoContent());
        mvc.perform(view(revokedUrl)).andExpect(status().isNotFound())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")));
        mvc.perform(get("/api/v1/assessments/" + c.id() + "/shares").header("Authorization", "Bearer " + c.token()))
                .andExpect(jsonPath("$.items[1].revoked_at").value(Matchers.endsWith("Z")));
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'share.revoked' and resource_id = :id")
                .param("id", JsonPath.read(revoked, "$.id")).query(Integer.class).single()).isEqualTo(1);

        String expiringUrl = JsonPath.read(expiring, "$.url");
        mvc.perform(view(expiringUrl)).andExpect(status().isOk());
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        String expired = mvc.perform(view(expiringUrl)).andExpect(status().isNotFound())
                .andExpect(jsonPathLessHtml("data-testid=\"error-page\""))
                .andReturn().getResponse().getContentAsString();
        String unknown = mvc.perform(view("/s/" + "A".repeat(43))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        mvc.perform(view("/s/short")).andExpect(status().isNotFound());
        assertThat(comparable(expired)).isEqualTo(comparable(unknown));
    }

    /** The page without what differs between any two requests (request id, CSRF token). */
    private static String comparable(String page) {
        return page.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "").replaceAll("name=\"csrf-token\" content=\"[^\"]*\"", "");
    }

    private static org.springframework.test.web.servlet.ResultMatcher jsonPathLessHtml(String fragment) {
        return result -> assertThat(result.getResponse().getContentAsString()).contains(fragment);
    }

    @Test
    void oneAddressOpeningTooManyReportsGetsTooManyRequests() throws Exception {
        ResultReviewApiTests.Completed c = completed();
        String url = JsonPath.read(share(c, "{}").andReturn().getResponse().getContentAsString(), "$.url");
        String address = "10.99.0.1";
        for (int i = 0; i < settings.viewsPerIp(); i++) {
            mvc.perform(view(i % 2 == 0 ? url : "/s/unknown", address)).andExpect(status().is(Matchers.oneOf(200, 404)));
        }
        mvc.perform(view(url, address)).andExpect(status().isTooManyRequests())
                .andExpect(content().string(Matchers.containsString("Too many requests")));
        mvc.perform(view(url, "10.99.0.2")).andExpect(status().isOk());
        clock.advance(settings.viewsWindow());
        mvc.perform(view(url, address)).andExpect(status().isOk());
    }

    @Test
    void anotherOrganizationsShareCannotBeListedOrRevoked() throws Exception {
        ResultReviewApiTests.Completed c = completed();
        String created = share(c, "{}").andReturn().getResponse().getContentAsString();
        String other = data.newTenant().adminToken();
        mvc.perform(get("/api/v1/assessments/" + c.id() + "/shares").header("Authorization", "Bearer " + other))
                .andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/assessments/" + c.id() + "/shares"), other, "{}"))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/shares/" + JsonPath.read(created, "$.id")).header("Authorization", "Bearer " + other))
                .andExpect(status().isNotFound());
        mvc.perform(view(JsonPath.read(created, "$.url"))).andExpect(status().isOk());
    }

    @Test
    void theResultsPageSharesShowsTheLinkOnceListsAndRevokes() throws Exception {
        ResultReviewApiTests.Completed c = completed();
        CurrentUser handler = c.setup().tenant().user(Role.PROJECT_HANDLER);
        mvc.perform(get("/assessments/" + c.id()).with(signedIn(handler))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/assessments/" + c.id() + "/shares")))
                .andExpect(content().string(Matchers.containsString("/js/share.js")));
        String empty = mvc.perform(get("/assessments/" + c.id() + "/shares").with(signedIn(handler)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("data-testid=\"share-form\"", "No links yet.", "value=\"30\"", "value=\"14\"");

        String created = mvc.perform(post("/assessments/" + c.id() + "/shares").param("expires_in_days", "14")
                        .with(signedIn(handler)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String url = created.replaceAll("(?s).*data-testid=\"share-url\" value=\"([^\"]+)\".*", "$1");
        assertThat(url).matches("http://localhost:\\d+/s/[A-Za-z0-9_-]{43}");
        assertThat(created).contains("data-testid=\"share-copy\"", "data-testid=\"share-link\"", "not viewed");
        mvc.perform(view(url)).andExpect(status().isOk());

        String listed = mvc.perform(get("/assessments/" + c.id() + "/shares").with(signedIn(handler)))
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).doesNotContain(url.substring(url.lastIndexOf('/') + 1)).contains("viewed once");
        String shareId = listed.replaceAll("(?s).*data-share-id=\"([^\"]+)\".*", "$1");
        String revoked = mvc.perform(post("/shares/" + shareId + "/revoke").param("assessment", c.id())
                        .with(signedIn(handler)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(revoked).contains("Revoked").doesNotContain("data-testid=\"share-revoke\"");
        mvc.perform(view(url)).andExpect(status().isNotFound());

        String refused = mvc.perform(post("/assessments/" + c.id() + "/shares").param("expires_in_days", "31")
                        .with(signedIn(handler)).with(csrf()).locale(Locale.GERMAN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("data-testid=\"share-problem\"", "1 bis 30 Tage");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(CurrentUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority()))));
    }
}
