package com.qteria.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.qteria.support.ExposedMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/prometheus/qteria-alerts.yml: {@code promtool check rules} and {@code promtool test rules} pass (skipped
 * without promtool, except under CI=true, where .ci/run installs it); every alert has a severity, a summary, a
 * description and a runbook that exists in docs/runbooks/, and a promtool test in which it fires; the rules read only
 * metrics the application exposes ({@link ExposedMetrics}) and each other's recordings.
 */
class AlertRulesTests {

    static final Path DIRECTORY = Path.of("deploy/prometheus");
    static final Path RULES = DIRECTORY.resolve("qteria-alerts.yml");
    static final Path TESTS = DIRECTORY.resolve("qteria-alerts.test.yml");
    static final String RUNBOOKS = "https://github.com/qteria/qteria/blob/main/docs/runbooks/";

    @Test
    void everyAlertHasASeverityASummaryAndARunbookThatExists() throws IOException {
        List<Map<String, Object>> alerts = rules().stream().filter(rule -> rule.containsKey("alert")).toList();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(12);
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            assertThat(name).startsWith("Qteria");
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) alert.get("labels");
            @SuppressWarnings("unchecked")
            Map<String, String> annotations = (Map<String, String>) alert.get("annotations");
            assertThat(labels.get("severity")).as(name + " severity").isIn("page", "ticket");
            assertThat(annotations.get("summary")).as(name + " summary").isNotBlank();
            assertThat(annotations.get("description")).as(name + " description").isNotBlank();
            String runbook = annotations.get("runbook_url");
            assertThat(runbook).as(name + " runbook_url").startsWith(RUNBOOKS).endsWith(".md");
            assertThat(Path.of("docs/runbooks", runbook.substring(RUNBOOKS.length())))
                    .as(name + ": its runbook is in docs/runbooks/").isRegularFile();
        }
    }

    @Test
    void theRulesReadOnlyMetricsTheApplicationExposesAndTheirOwnRecordings() throws IOException {
        Set<String> known = new HashSet<>(ExposedMetrics.all());
        known.addAll(recorded());
        for (Map<String, Object> rule : rules()) {
            String expression = (String) rule.get("expr");
            assertThat(ExposedMetrics.usedBy(expression)).as("metrics of " + rule.getOrDefault("alert", rule.get("record")))
                    .isNotEmpty().isSubsetOf(known);
        }
    }

    @Test
    void everyAlertFiresInAPromtoolTest() throws IOException {
        Map<String, Object> tests = new Yaml().load(Files.readString(TESTS));
        Set<String> firing = new HashSet<>();
        for (Object test : (List<?>) tests.get("tests")) {
            for (Object evaluation : (List<?>) ((Map<?, ?>) test).get("alert_rule_test")) {
                Map<?, ?> e = (Map<?, ?>) evaluation;
                if (!((List<?>) e.get("exp_alerts")).isEmpty()) {
                    firing.add((String) e.get("alertname"));
                }
            }
        }
        assertThat(firing).containsAll(rules().stream().filter(rule -> rule.containsKey("alert"))
                .map(rule -> (String) rule.get("alert")).toList());
    }

    @Test
    void promtoolChecksAndTestsTheRules() throws Exception {
        boolean installed = run("sh", "-c", "command -v promtool").exitCode() == 0;
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as("promtool is installed by .ci/run (Debian package prometheus)").isTrue();
        }
        assumeTrue(installed, "promtool not installed (apt-get install prometheus)");
        Result check = run("promtool", "check", "rules", RULES.getFileName().toString());
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS");
        Result test = run("promtool", "test", "rules", TESTS.getFileName().toString());
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    /** Every rule of every group. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(RULES));
        return ((List<Map<String, Object>>) file.get("groups")).stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
    }

    /** The names the recording rules define. */
    static Set<String> recorded() throws IOException {
        Set<String> names = new HashSet<>();
        rules().stream().filter(rule -> rule.containsKey("record")).forEach(rule -> names.add((String) rule.get("record")));
        return names;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(DIRECTORY.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("promtool ends").isTrue();
        return new Result(process.exitValue(), output);
    }
}
