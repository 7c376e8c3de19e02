package com.qteria.web;

import static com.qteria.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.assessment.AssessmentManagement;
import com.qteria.assessment.AssessmentStatistics;
import com.qteria.assessment.AssessmentStatus;
import com.qteria.assessment.AssessmentView;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.IdentityManagement;
import com.qteria.identity.OrganizationView;
import com.qteria.identity.Role;
import com.qteria.shared.PageResponse;
import com.qteria.shared.Paging;
import com.qteria.support.SignedIn;
import com.qteria.support.WebSlice;
import com.qteria.workflow.WorkflowManagement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard as a slice: the page, its layout and messages render for each role in English and German while the
 * recent assessments are in every status. Only a completed assessment has a summary; the others show their status
 * (a null summary once made this page answer 500). The layout's environment banner shows outside production only.
 */
@WebSlice(DashboardController.class)
class DashboardSliceTests {

    private static final String LONG = "Gesellschaft für Konformitätsbewertung elektrotechnischer Erzeugnisse "
            .repeat(4).strip();

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @MockitoBean
    IdentityManagement identity;
    @MockitoBean
    WorkflowManagement workflows;
    @MockitoBean
    AssessmentManagement assessments;
    @MockitoBean
    AssessmentStatistics statistics;
    @MockitoBean
    java.time.Clock clock;

    @BeforeEach
    void anOrganizationWithAssessmentsInEveryStatus() {
        given(identity.organization(any())).willReturn(new OrganizationView(UUID.randomUUID(), LONG, Instant.now()));
        given(workflows.list(any(), any(), anyBoolean(), any())).willReturn(PageResponse.of(List.of(), Paging.of(0, 1), 2));
        List<AssessmentView> recent = List.of(
                assessment("queued", null, "Projekt 4711"),
                assessment("running", null, null),
                assessment("failed", null, "Projekt 4712"),
                assessment("cancelled", null, "Projekt 4713"),
                assessment("completed", "{\"overall\": \"fail\", \"passed\": 3, \"failed\": 1, \"needs_review\": 0, "
                        + "\"total\": 4}", LONG));
        given(assessments.list(any(), any(), any())).willReturn(PageResponse.of(recent, Paging.of(0, 5), 5));
        given(statistics.started(any(), any())).willReturn(new java.util.EnumMap<>(java.util.Map.of(
                AssessmentStatus.COMPLETED, 1L, AssessmentStatus.RUNNING, 1L)));
        given(statistics.outcomes(any(), any())).willReturn(List.of());
        given(clock.instant()).willReturn(Instant.parse("2026-12-02T10:00:00Z"));
        given(clock.getZone()).willReturn(java.time.ZoneOffset.UTC);
    }

    @Test
    void rendersEveryStatusInEnglish() throws Exception {
        CurrentUser handler = SignedIn.user(Role.PROJECT_HANDLER, LONG);
        Document page = dashboard(get("/").with(as(handler)).header("Accept-Language", "en-GB,en;q=0.8"));
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("h1").text()).isEqualTo("Welcome, " + LONG);
        assertThat(page.select("[data-testid=organization-name]").text()).isEqualTo(LONG);
        assertThat(statuses(page)).containsExactly("Waiting for a worker", "Running", "Failed", "Cancelled");
        assertThat(page.select(".recent-list [data-testid=verdict]").attr("data-verdict")).isEqualTo("fail");
        assertThat(page.select(".recent-list a").eachText()).containsExactly("Projekt 4711",
                "Assessment without reference", "Projekt 4712", "Projekt 4713", LONG);
        assertThat(page.select("[data-testid=nav-users], [data-testid=samples-card]")).isEmpty();
    }

    @Test
    void rendersEveryStatusInGermanForAnAdmin() throws Exception {
        CurrentUser admin = SignedIn.user(Role.ADMIN, "Ada");
        Document page = dashboard(get("/?lang=de").with(as(admin)));
        assertThat(page.select("html").attr("lang")).isEqualTo("de");
        assertThat(page.select(".recent-card h2").text()).isEqualTo("Letzte Prüfungen");
        assertThat(statuses(page)).containsExactly("Wartet auf einen Worker", "Läuft", "Fehlgeschlagen", "Abgebrochen");
        assertThat(page.select(".recent-list [data-testid=verdict]").text()).contains("Nicht erfüllt");
        assertThat(page.select("[data-testid=role]").text()).isNotEqualTo("admin").isNotBlank();
        assertThat(page.select("[data-testid=nav-users]")).hasSize(1);
    }

    @Test
    void outsideProductionEveryPageSaysWhichInstallationItIs() throws Exception {
        Document page = dashboard(get("/").with(as(SignedIn.user(Role.PROJECT_HANDLER, "Ada")))
                .header("Accept-Language", "en"));
        assertThat(page.select("[data-testid=environment-banner]").text())
                .isEqualTo("Development — not for client data");
    }

    /** Staging: the banner in both languages, first on the page after the skip link, read as a note. */
    @Nested
    @TestPropertySource(properties = "qteria.environment=staging")
    class OnStaging {

        @Test
        void theBannerSaysStagingInEnglishAndGerman() throws Exception {
            CurrentUser handler = SignedIn.user(Role.PROJECT_HANDLER, "Ada");
            Document english = dashboard(get("/").with(as(handler)).header("Accept-Language", "en"));
            Document german = dashboard(get("/?lang=de").with(as(handler)));

            assertThat(english.select("[data-testid=environment-banner]").text())
                    .isEqualTo("Staging — not for client data");
            assertThat(german.select("[data-testid=environment-banner]").text())
                    .isEqualTo("Staging — nicht für Kundendaten");
            assertThat(english.select("body > :nth-child(2)").attr("data-testid")).isEqualTo("environment-banner");
            assertThat(english.select("[data-testid=environment-banner]").attr("role")).isEqualTo("note");
        }
    }

    /** Production: no banner. */
    @Nested
    @TestPropertySource(properties = "qteria.environment=production")
    class InProduction {

        @Test
        void noBanner() throws Exception {
            Document page = dashboard(get("/").with(as(SignedIn.user(Role.ADMIN, "Ada"))));
            assertThat(page.select("h1")).isNotEmpty();
            assertThat(page.select("[data-testid=environment-banner], .environment-banner")).isEmpty();
        }
    }

    @Test
    void aSignedOutVisitorIsSentToTheSignInPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
    }

    private Document dashboard(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(body);
    }

    private static List<String> statuses(Document page) {
        return page.select(".recent-list .tag.muted").eachText();
    }

    /** As the API would answer it, so the view is read as clients read it. */
    private AssessmentView assessment(String status, String summary, String reference) {
        String text = """
                {"id": "%s", "workflow": {"id": "%s", "version": 2, "name": "%s"}, "reference": %s,
                 "status": "%s", "progress": {"phase": null, "done": 0, "total": 4, "percent": 0},
                 "created_by": "%s", "created_at": "2026-12-01T09:00:00Z", "summary": %s}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), LONG,
                reference == null ? "null" : "\"" + reference + "\"", status, UUID.randomUUID(), summary);
        return json.readValue(text, AssessmentView.class);
    }
}
