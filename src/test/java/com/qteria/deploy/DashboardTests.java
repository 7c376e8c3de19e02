package com.qteria.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jayway.jsonpath.JsonPath;
import com.qteria.support.ExposedMetrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * deploy/grafana/qteria-dashboard.json: a Grafana dashboard (schema 39) whose data source is the {@code datasource}
 * variable and whose environment is the {@code environment} variable; every panel's expressions read only metrics the
 * application exposes ({@link ExposedMetrics}) or the alert rules record, each qteria metric of the chosen environment,
 * and they are valid PromQL (promtool, when installed).
 */
class DashboardTests {

    static final Path DASHBOARD = Path.of("deploy/grafana/qteria-dashboard.json");

    @Test
    void isAGrafanaDashboardOnTheDatasourceAndEnvironmentVariables() throws Exception {
        String json = Files.readString(DASHBOARD);
        assertThat(JsonPath.<Integer>read(json, "$.schemaVersion")).isBetween(36, 41);
        assertThat(JsonPath.<List<String>>read(json, "$.templating.list[*].name")).contains("datasource", "environment");
        assertThat(JsonPath.<List<String>>read(json, "$.templating.list[?(@.name == 'datasource')].type"))
                .containsExactly("datasource");
        assertThat(JsonPath.<List<String>>read(json, "$.templating.list[?(@.name == 'environment')].definition"))
                .containsExactly("label_values(qteria_assessments_started_total, environment)");
        List<Map<String, Object>> panels = JsonPath.read(json, "$.panels[?(@.type != 'row')]");
        assertThat(panels).hasSizeGreaterThanOrEqualTo(20);
        assertThat(panels.stream().map(p -> p.get("id")).distinct()).as("unique panel ids").hasSize(panels.size());
        for (Map<String, Object> panel : panels) {
            assertThat(panel.get("title")).as("panel title").isNotNull();
            assertThat(JsonPath.<String>read(panel, "$.datasource.uid")).as(panel.get("title") + "")
                    .isEqualTo("${datasource}");
            assertThat(JsonPath.<List<String>>read(panel, "$.targets[*].expr")).as(panel.get("title") + "").isNotEmpty();
        }
        assertThat(JsonPath.<List<String>>read(json, "$.panels[*].title")).contains("Availability, 30 days",
                "Error budget left, 30 days", "Assessments within 10 minutes", "Assessment success rate",
                "Latency p50 / p95 / p99, all routes", "Assessment duration distribution", "Jobs waiting",
                "Oldest waiting job", "Workers alive", "Documents read and rejected", "Extraction duration",
                "AI calls by outcome", "AI tokens by type", "AI cost per hour", "Database connections", "JVM heap",
                "Data directory free");
    }

    @Test
    void everyExpressionReadsExposedOrRecordedMetricsOfTheChosenEnvironment() throws Exception {
        Set<String> known = new HashSet<>(ExposedMetrics.all());
        known.addAll(AlertRulesTests.recorded());
        for (String expression : expressions()) {
            Set<String> used = ExposedMetrics.usedBy(expression);
            assertThat(used).as(expression).isNotEmpty().isSubsetOf(known);
            if (used.stream().anyMatch(name -> !ExposedMetrics.FROM_PROMETHEUS.contains(name))) {
                assertThat(expression).as("filtered to the environment").contains("environment=\"$environment\"");
            }
        }
    }

    @Test
    void everyExpressionIsValidPromQl() throws Exception {
        boolean installed = new ProcessBuilder("sh", "-c", "command -v promtool").start().waitFor() == 0;
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as("promtool is installed by .ci/run (Debian package prometheus)").isTrue();
        }
        assumeTrue(installed, "promtool not installed (apt-get install prometheus)");
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        List<String> expressions = expressions();
        for (int i = 0; i < expressions.size(); i++) {
            String promql = expressions.get(i).replace("$__rate_interval", "5m").replace("$__range", "1d")
                    .replace("$__interval", "1m").replace("$environment", "production");
            rules.append("      - record: dashboard:panel").append(i).append("\n        expr: '")
                    .append(promql.replace("'", "''")).append("'\n");
        }
        Path file = Files.createTempFile("dashboard-", ".rules.yml");
        try {
            Files.writeString(file, rules);
            Process check = new ProcessBuilder("promtool", "check", "rules", file.toString()).redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(output).isZero();
        } finally {
            Files.delete(file);
        }
    }

    private static List<String> expressions() throws Exception {
        return JsonPath.read(Files.readString(DASHBOARD), "$.panels[*].targets[*].expr");
    }
}
