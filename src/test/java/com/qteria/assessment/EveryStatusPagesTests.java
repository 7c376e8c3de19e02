package com.qteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.qteria.document.DocumentId;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.workflow.WorkflowManagement;
import jakarta.servlet.ServletException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every page a role can reach from the dashboard by following links, in English and German, while the organization
 * has an assessment in each status (queued, running, completed, failed, cancelled): each answers 200 with no error
 * page. The statuses other than completed are set in the database, as no API forces them.
 */
@QteriaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryStatusPagesTests {

    /** Links that are not pages: downloads, the progress stream and the language switch (tested elsewhere). */
    private static final List<String> NOT_PAGES = List.of("/content", "/export", "/events", "lang=", "/logout");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;
    @Autowired
    AssessmentManagement assessments;
    @Autowired
    JdbcClient jdbc;

    private TestData.Tenant tenant;
    private final Map<AssessmentStatus, AssessmentId> byStatus = new EnumMap<>(AssessmentStatus.class);

    @BeforeAll
    void anAssessmentInEveryStatus() throws Exception {
        AssessmentsApiTests.Setup s = AssessmentsApiTests.setup(data, uploaded, workflows);
        tenant = s.tenant();
        String broken = uploaded.upload(s.token(), "broken.pdf", "%PDF-1.7\nnothing else".getBytes());
        assertThat(uploaded.awaitRead(s.token(), broken)).isEqualTo("rejected");
        for (AssessmentStatus status : AssessmentStatus.values()) {
            AssessmentId id = assessments.start(tenant.admin(), new StartAssessment(s.workflow(), "Project " + status.value(),
                    List.of(new StartAssessment.BucketDocument("test_reports", new DocumentId(UUID.fromString(s.report())))))).id();
            byStatus.put(status, id);
        }
        for (AssessmentId id : byStatus.values()) {
            awaitFinished(id);
        }
        force(AssessmentStatus.QUEUED, "update assessments set status = 'queued', phase = null, done = 0, summary = null,"
                + " started_at = null, finished_at = null where id = :id");
        force(AssessmentStatus.RUNNING, "update assessments set status = 'running', phase = 'evaluating', done = 1,"
                + " summary = null, finished_at = null where id = :id");
        force(AssessmentStatus.FAILED, "update assessments set status = 'failed', summary = null,"
                + " error = 'The document store could not be reached.' where id = :id");
        force(AssessmentStatus.CANCELLED, "update assessments set status = 'cancelled', summary = null,"
                + " cancel_requested = true where id = :id");
        for (Map.Entry<AssessmentStatus, AssessmentId> entry : byStatus.entrySet()) {
            assertThat(assessments.get(tenant.id(), entry.getValue()).status()).isEqualTo(entry.getKey());
        }
    }

    @ParameterizedTest
    @CsvSource({"ADMIN, en", "ADMIN, de", "PROCESS_MANAGER, en", "PROCESS_MANAGER, de", "PROJECT_HANDLER, en",
            "PROJECT_HANDLER, de"})
    void everyReachablePageRenders(Role role, String lang) throws Exception {
        CurrentUser user = role == Role.ADMIN ? tenant.admin() : tenant.user(role);
        Set<String> visited = crawl(user, Locale.forLanguageTag(lang));
        List<String> wanted = new ArrayList<>(List.of("/", "/assessments", "/documents", "/workflows"));
        byStatus.values().forEach(id -> wanted.add("/assessments/" + id));
        assertThat(visited).containsAll(wanted);
    }

    @org.junit.jupiter.api.Test
    void theDashboardShowsWhatIsUnderWayThisWeeksCountsAndTheOutcomesAsChartAndTable() throws Exception {
        CurrentUser handler = tenant.user(Role.PROJECT_HANDLER);
        Document page = Jsoup.parse(mvc.perform(get("/").with(as(handler))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("[data-testid=running-assessment]").eachAttr("data-status"))
                .containsExactly("running", "queued");
        assertThat(page.select("[data-testid=running-assessment] a").eachText())
                .containsExactly("Project running", "Project queued");
        assertThat(page.select("[data-status=running] [data-testid=running-progress]").attr("value")).isEqualTo("50");
        assertThat(page.select("[data-testid=running-assessments]").attr("hx-get")).isEqualTo("/dashboard/running");
        assertThat(page.select("[data-testid=week-count] dd").eachText()).containsOnly("1").hasSize(5);
        assertThat(page.select("[data-testid=outcome-row] th").text()).isEqualTo("LVD");
        assertThat(page.select("[data-testid=outcome-pass]").text()).isEqualTo("1");
        assertThat(page.select("[data-testid=outcome-fail]").text()).isEqualTo("0");
        assertThat(page.select("canvas[data-testid=outcomes-chart]").attr("aria-label")).isNotBlank();
        assertThat(page.select("script[type=module]").attr("src")).isEqualTo("/js/dashboard.js");
        assertThat(page.select("script[src*=chart.umd]")).hasSize(1);

        String fragment = mvc.perform(get("/dashboard/running").with(as(handler))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(fragment).select("[data-testid=running-assessment]")).hasSize(2);
        assertThat(fragment).doesNotContain("<html");
        mvc.perform(get("/webjars/chart.js/dist/chart.umd.min.js").with(as(handler)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }

    @org.junit.jupiter.api.Test
    void theDashboardOfAnOrganizationWithoutAssessmentsHasZerosAndNothingUnderWay() throws Exception {
        CurrentUser handler = data.newTenant().user(Role.PROJECT_HANDLER);
        Document page = Jsoup.parse(mvc.perform(get("/?lang=de").with(as(handler)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("[data-testid=running-assessments], [data-testid=outcomes]")).isEmpty();
        assertThat(page.select("[data-testid=week-count] dd").eachText()).containsOnly("0").hasSize(5);
        assertThat(page.select("[data-testid=week-counts] h2").text()).isEqualTo("Diese Woche gestartet");
        assertThat(mvc.perform(get("/dashboard/running").with(as(handler))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).isBlank();
    }

    /** Follows every same-site link from the dashboard; each page must answer 200 without the error page. */
    private Set<String> crawl(CurrentUser user, Locale locale) throws Exception {
        Set<String> seen = new LinkedHashSet<>(List.of("/"));
        Deque<String> queue = new ArrayDeque<>(seen);
        List<String> broken = new ArrayList<>();
        while (!queue.isEmpty()) {
            String path = queue.poll();
            MockHttpServletResponse response;
            try {
                response = mvc.perform(get(path).with(as(user)).locale(locale)
                        .header("Accept-Language", locale.getLanguage())).andReturn().getResponse();
            } catch (ServletException e) { // MockMvc hands on what the error page would have answered 500 to
                broken.add(path + " failed: " + e.getMessage());
                continue;
            }
            String type = String.valueOf(response.getContentType());
            if (response.getStatus() != 200) {
                broken.add(path + " answered " + response.getStatus());
                continue;
            }
            if (!type.startsWith("text/html")) {
                continue;
            }
            Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
            if (!page.select("[data-testid=error-page]").isEmpty()) {
                broken.add(path + " shows the error page");
            }
            if (!locale.getLanguage().equals(page.select("html").attr("lang"))) {
                broken.add(path + " is not in " + locale.getLanguage());
            }
            for (String href : page.select("a[href]").eachAttr("href")) {
                if (isPage(href) && seen.add(href)) {
                    queue.add(href);
                }
            }
        }
        assertThat(broken).as("pages of %s in %s", user.role(), locale).isEmpty();
        return seen;
    }

    private static boolean isPage(String href) {
        return href.startsWith("/") && !href.startsWith("//") && NOT_PAGES.stream().noneMatch(href::contains);
    }

    private void force(AssessmentStatus status, String sql) {
        jdbc.sql(sql).param("id", byStatus.get(status).value()).update();
    }

    private void awaitFinished(AssessmentId id) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!assessments.get(tenant.id(), id).status().finished()) {
            assertThat(Instant.now()).as("assessment %s finished", id).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static RequestPostProcessor as(CurrentUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority()))));
    }
}
