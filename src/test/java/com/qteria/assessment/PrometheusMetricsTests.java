package com.qteria.assessment;

import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.qteria.document.UploadedDocuments;
import com.qteria.identity.Role;
import com.qteria.support.ExposedMetrics;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.support.WithOperator;
import com.qteria.workflow.WorkflowManagement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15, acceptance 1: after an assessment through the real pipeline, {@code /actuator/prometheus} (operator only)
 * has every metric named for the service level objectives with sensible values, HTTP latency by route template with
 * latency buckets, the database pool and the data directory's disk; and no organization, user, document, assessment id
 * nor share link secret anywhere in it.
 */
@QteriaTest
@WithOperator
class PrometheusMetricsTests {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    WorkflowManagement workflows;

    record Sample(String name, String labels, double value) {
        boolean has(String label, String value) {
            return labels.contains(label + "=\"" + value + "\"");
        }
    }

    @Test
    void anAssessmentThroughThePipelineShowsInTheMetricsWithoutAnyTenantOrSecret() throws Exception {
        ResultReviewApiTests.Completed c = ResultReviewApiTests.completed(mvc, data, uploaded, workflows);
        TestData.Tenant tenant = c.setup().tenant();
        String damaged = uploaded.upload(c.token(), "damaged.pdf", "%PDF-1.7\nnot a PDF at all".getBytes(StandardCharsets.US_ASCII));
        assertThat(uploaded.awaitRead(c.token(), damaged)).isEqualTo("rejected");
        mvc.perform(multipart("/api/v1/documents").file(new MockMultipartFile("file", "notes.txt", "text/plain",
                        "plain text".getBytes(StandardCharsets.US_ASCII))).header("Authorization", "Bearer " + c.token()))
                .andExpect(status().isUnsupportedMediaType());
        String created = mvc.perform(json(post("/api/v1/assessments/" + c.id() + "/shares"), c.token(), "{}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String sharePath = java.net.URI.create(JsonPath.<String>read(created, "$.url")).getPath();
        String shareSecret = sharePath.substring(sharePath.lastIndexOf('/') + 1);
        mvc.perform(get(sharePath)).andExpect(status().isOk());
        mvc.perform(get("/s/" + shareSecret + "x")).andExpect(status().isNotFound());
        String unknown = UUID.randomUUID().toString();
        mvc.perform(get("/api/v1/assessments/" + unknown).header("Authorization", "Bearer " + c.token()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/no/such/page/" + unknown)).andReturn();

        String text = mvc.perform(get("/actuator/prometheus").header("Authorization", WithOperator.BEARER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Sample> samples = samples(text);

        assertThat(samples.stream().map(Sample::name).distinct()).as("every metric the rules and dashboard may use")
                .containsAll(ExposedMetrics.ALWAYS);
        assertThat(value(samples, "qteria_assessments_started_total", Map.of())).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "qteria_assessments_finished_total", Map.of("outcome", "completed")))
                .isGreaterThanOrEqualTo(1);
        assertThat(samples).filteredOn(s -> s.name().equals("qteria_assessments_finished_total"))
                .extracting(s -> s.labels().replaceAll(".*outcome=\"(\\w+)\".*", "$1"))
                .containsExactlyInAnyOrder("completed", "failed", "cancelled");
        assertThat(value(samples, "qteria_assessment_duration_seconds_bucket",
                Map.of("outcome", "completed", "le", "600.0"))).isGreaterThanOrEqualTo(1);
        assertThat(samples).filteredOn(s -> s.name().equals("qteria_assessment_duration_seconds_bucket")
                        && s.has("outcome", "completed")).extracting(s -> s.labels().replaceAll(".*le=\"([^\"]+)\".*", "$1"))
                .as("the objective's buckets").contains("60.0", "300.0", "600.0", "+Inf");
        assertThat(value(samples, "qteria_documents_read_total", Map.of())).isGreaterThanOrEqualTo(2);
        assertThat(value(samples, "qteria_extraction_pages_total", Map.of())).isGreaterThanOrEqualTo(2);
        assertThat(value(samples, "qteria_extraction_duration_seconds_count", Map.of())).isGreaterThanOrEqualTo(3);
        assertThat(value(samples, "qteria_documents_rejected_total", Map.of("reason", "unreadable")))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "qteria_documents_rejected_total", Map.of("reason", "unsupported")))
                .isGreaterThanOrEqualTo(1);
        assertThat(samples).filteredOn(s -> s.name().equals("qteria_documents_rejected_total"))
                .extracting(s -> s.labels().replaceAll(".*reason=\"(\\w+)\".*", "$1"))
                .containsExactlyInAnyOrder("encrypted", "unreadable", "too_large", "timeout", "integrity", "internal",
                        "unsupported");
        assertThat(value(samples, "qteria_workers_alive", Map.of())).as("this instance's job server")
                .isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "qteria_jobs_waiting", Map.of())).isGreaterThanOrEqualTo(0);
        assertThat(value(samples, "qteria_jobs_oldest_waiting_age_seconds", Map.of())).isGreaterThanOrEqualTo(0);
        assertThat(value(samples, "hikaricp_connections_max", Map.of())).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "disk_total_bytes", Map.of())).isGreaterThan(0);
        assertThat(value(samples, "disk_free_bytes", Map.of())).isGreaterThan(0);

        List<String> uris = samples.stream().filter(s -> s.name().equals("http_server_requests_seconds_count"))
                .map(s -> s.labels().replaceAll(".*uri=\"([^\"]*)\".*", "$1")).distinct().toList();
        assertThat(uris).as("routes by template").contains("/api/v1/assessments/{id}", "/api/v1/documents")
                .allMatch(uri -> !uri.matches(".*[0-9a-f]{8}-[0-9a-f]{4}.*"), "no id in a route")
                .allMatch(uri -> !uri.startsWith("/s/") || uri.equals("/s/{token}"), "no share link secret");
        assertThat(value(samples, "http_server_requests_seconds_bucket",
                Map.of("uri", "/api/v1/assessments/{id}", "le", "1.0"))).as("the latency objective's bucket")
                .isGreaterThanOrEqualTo(1);

        List<String> secrets = List.of(tenant.id().toString(), tenant.admin().id().toString(),
                tenant.user(Role.PROJECT_HANDLER).id().toString(), c.id(), damaged, shareSecret, unknown, c.token(),
                c.setup().report(), c.setup().manual(), c.setup().workflow().toString());
        for (String secret : secrets) {
            assertThat(text).as("no tenant, user, document, assessment id nor secret").doesNotContain(secret);
        }
    }

    /** The sum over the samples named {@code name} whose labels include all of {@code labels}; fails when none. */
    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        List<Sample> matching = samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> labels.entrySet().stream().allMatch(l -> s.has(l.getKey(), l.getValue()))).toList();
        assertThat(matching).as(name + " " + labels).isNotEmpty();
        return matching.stream().mapToDouble(Sample::value).sum();
    }

    static List<Sample> samples(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.lines().toList()) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.matches()) {
                samples.add(new Sample(m.group(1), m.group(3) == null ? "" : m.group(3), Double.parseDouble(m.group(4))));
            }
        }
        return samples;
    }
}
