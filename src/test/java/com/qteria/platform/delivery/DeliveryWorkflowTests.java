package com.qteria.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.qteria.platform.delivery.SecretScanTests.Run;
import com.qteria.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub Actions pipeline (.github/workflows/delivery.yml and the deploy.yml it calls for staging and
 * production), checked where it cannot run: its triggers, the order of its gates, that its test job runs exactly the
 * CI entry point developers run (.ci/run), that every script it calls exists, that every action is pinned, that no
 * secret is written into it, and that its shell scripts pass shellcheck.
 */
class DeliveryWorkflowTests {

    static final Path DELIVERY = Path.of(".github/workflows/delivery.yml");
    static final Path DEPLOY = Path.of(".github/workflows/deploy.yml");
    static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@([0-9a-f]{40}|v\\d+(\\.\\d+){0,2})");
    static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}");
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|token|secret|api_key|kube_config).*");
    static final Pattern REPOSITORY_FILE = Pattern.compile("(?<![\\w/.-])(\\.ci/[\\w.-]+|deploy/[\\w.-]+\\.\\w+|bin/"
            + "[\\w.-]+|\\./mvnw)");

    final Map<String, Object> delivery = load(DELIVERY);
    final Map<String, Object> deploy = load(DEPLOY);

    @Test
    void runsOnPushesToMainAndStagingOnPullRequestsAndWeekly() {
        Map<String, Object> on = map(trigger(delivery));
        assertThat(strings(map(on.get("push")).get("branches"))).containsExactlyInAnyOrder("main", "staging");
        assertThat(on).containsKey("pull_request");
        List<Object> schedule = list(on.get("schedule"));
        assertThat(schedule).hasSize(1);
        String[] cron = ((String) map(schedule.getFirst()).get("cron")).split(" ");
        assertThat(cron).as("minute hour * * weekday: once a week").hasSize(5);
        assertThat(cron[2] + cron[3]).isEqualTo("**");
        assertThat(cron[4]).matches("[0-6]");
        assertThat(map(trigger(deploy))).containsOnlyKeys("workflow_call");
    }

    @Test
    void theGatesComeInOrderTestsImageDeployThenSmokeTestAndRollback() {
        Map<String, Object> jobs = jobs(delivery);
        assertThat(jobs).containsOnlyKeys("checks", "tests", "image", "deploy-staging", "deploy-production",
                "dependency-scan");
        assertThat(strings(job(delivery, "image").get("needs"))).containsExactlyInAnyOrder("checks", "tests");
        assertThat((String) job(delivery, "image").get("if")).isEqualTo("github.event_name == 'push'");
        for (String environment : List.of("staging", "production")) {
            Map<String, Object> deployJob = job(delivery, "deploy-" + environment);
            assertThat(strings(deployJob.get("needs"))).containsExactly("image");
            assertThat((String) deployJob.get("if")).contains("github.event_name == 'push'")
                    .contains("github.ref == 'refs/heads/" + ("staging".equals(environment) ? "staging" : "main") + "'");
            assertThat(deployJob.get("uses")).isEqualTo("./" + DEPLOY);
            assertThat(map(deployJob.get("with"))).containsEntry("environment", environment)
                    .containsEntry("image", "${{ needs.image.outputs.image }}");
            assertThat(map(deployJob.get("secrets")).keySet())
                    .isEqualTo(map(map(map(trigger(deploy)).get("workflow_call")).get("secrets")).keySet());
        }

        Map<String, Object> deployJob = job(deploy, "deploy");
        assertThat(map(deployJob.get("environment"))).containsEntry("name", "${{ inputs.environment }}");
        List<String> steps = list(deployJob.get("steps")).stream().map(step -> (String) map(step).get("name"))
                .toList();
        assertThat(steps).containsSubsequence("Record the running revisions", "Migrate the database", "Roll out",
                "Smoke test", "Roll back");
        assertThat(steps.getLast()).isEqualTo("Roll back");
        assertThat(run(step(deploy, "Roll out"))).contains("kubectl set image", "kubectl rollout status");
        assertThat(run(step(deploy, "Smoke test"))).isEqualTo("python3 deploy/smoke-test.py");
        Map<String, Object> rollback = step(deploy, "Roll back");
        assertThat((String) rollback.get("if")).startsWith("failure()");
        assertThat(run(rollback)).contains("kubectl rollout undo").endsWith("exit 1\n");
    }

    @Test
    void theTestJobRunsTheCiEntryPointWithThePostgresqlTheTestsExpect() throws IOException {
        Map<String, Object> tests = job(delivery, "tests");
        assertThat(list(tests.get("steps")).stream().map(step -> map(step).get("run")).filter(run -> run != null))
                .containsExactly("CI=true bash .ci/run");
        assertThat(Files.readString(Path.of(".ci/run"))).contains("./mvnw -B verify -Dqteria.test.database=postgres",
                "\nsecret_scan\n");

        Map<String, Object> postgres = map(map(tests.get("services")).get("postgres"));
        assertThat(strings(postgres.get("ports"))).containsExactly("5432:5432");
        assertThat(map(postgres.get("env"))).containsEntry("POSTGRES_HOST_AUTH_METHOD", "trust");
        String database = TestDatabase.POSTGRES_ADMIN_URL;
        assertThat(database).isEqualTo("jdbc:postgresql://127.0.0.1:5432/" + map(postgres.get("env")).get(
                "POSTGRES_DB"));
        assertThat(TestDatabase.POSTGRES_USER).isEqualTo("postgres");
    }

    @Test
    void everyScriptTheWorkflowsCallExistsAndTheWeeklyScanUsesThePomProfile() throws IOException {
        List<String> called = new ArrayList<>();
        for (Map<String, Object> workflow : List.of(delivery, deploy)) {
            for (Map<String, Object> step : allSteps(workflow)) {
                Matcher file = REPOSITORY_FILE.matcher(run(step));
                while (file.find()) {
                    called.add(file.group(1));
                }
            }
        }
        assertThat(called).contains(".ci/run", ".ci/secret-scan", ".ci/shellcheck", "./mvnw",
                "deploy/smoke-test.py");
        for (String file : called) {
            assertThat(Path.of(file)).as(file).exists();
            if (Files.isRegularFile(Path.of(file))) {
                assertThat(Path.of(file)).as(file).isExecutable();
            }
        }
        assertThat(run(step(delivery, "Dependency vulnerability scan")))
                .isEqualTo("./mvnw -B -P dependency-check dependency-check:check");
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<id>dependency-check</id>");
    }

    @Test
    void everyActionIsPinnedToAReleaseCommitOrTag() {
        List<String> actions = new ArrayList<>();
        for (Map<String, Object> workflow : List.of(delivery, deploy)) {
            allSteps(workflow).stream().map(step -> (String) step.get("uses")).filter(uses -> uses != null)
                    .forEach(actions::add);
        }
        assertThat(actions).hasSizeGreaterThan(10).allSatisfy(uses -> assertThat(uses).matches(PINNED));
    }

    @Test
    void secretsComeOnlyFromTheSecretStoreAndNoExpressionReachesAShellScript() {
        for (Path file : List.of(DELIVERY, DEPLOY)) {
            Map<String, Object> workflow = load(file);
            List<String[]> entries = new ArrayList<>();
            collect(null, workflow, entries);
            for (String[] entry : entries) {
                String key = entry[0];
                String value = entry[1];
                Matcher expression = EXPRESSION.matcher(value);
                while (expression.find()) {
                    if (expression.group(1).contains("secrets")) {
                        assertThat(expression.group()).as(file + " " + key)
                                .matches("\\$\\{\\{ secrets\\.[A-Z][A-Z0-9_]* }}");
                    }
                }
                if (key != null && SECRET_NAME.matcher(key).matches() && !"workflow_call".equals(key)) {
                    assertThat(value).as(file + ": the value of " + key).matches("\\$\\{\\{ secrets\\.[A-Z0-9_]+ }}");
                }
            }
            for (Map<String, Object> step : allSteps(workflow)) {
                assertThat(run(step)).as(file + ": step " + step.get("name") + " passes values through env")
                        .doesNotContain("${{");
            }
        }
    }

    @Test
    void theShellScriptsOfTheWorkflowsPassShellcheck() throws Exception {
        boolean installed = SecretScanTests.run(Path.of("."), Map.of(), "sh", "-c", "command -v shellcheck")
                .exitCode() == 0;
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as("shellcheck is installed by .ci/run").isTrue();
        }
        assumeTrue(installed, "shellcheck not installed (apt-get install shellcheck)");
        for (Map<String, Object> workflow : List.of(delivery, deploy)) {
            for (Map<String, Object> step : allSteps(workflow)) {
                if (step.get("run") == null) {
                    continue;
                }
                Path script = Files.createTempFile("step-", ".sh");
                try {
                    Files.writeString(script, "#!/bin/bash\nset -eo pipefail\n" + run(step));
                    Run check = SecretScanTests.run(Path.of("."), Map.of(), "shellcheck", script.toString());
                    assertThat(check.exitCode()).as(step.get("name") + ": " + check.output()).isZero();
                } finally {
                    Files.delete(script);
                }
            }
        }
    }

    @Test
    void theDeployJobNamesTheDeploymentsAndTheMigrationJobOfTheKubernetesManifests() throws IOException {
        Map<String, Object> environment = map(job(deploy, "deploy").get("env"));
        Path manifests = Path.of((String) environment.get("MANIFESTS"));
        assumeTrue(Files.isDirectory(manifests), manifests + " is not in this tree yet");
        List<Map<String, Object>> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(manifests)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                new Yaml().loadAll(Files.readString(file)).forEach(object -> {
                    if (object != null) {
                        objects.add(map(object));
                    }
                });
            }
        }
        List<String> deployments = objects.stream().filter(o -> "Deployment".equals(o.get("kind")))
                .map(o -> (String) map(o.get("metadata")).get("name")).toList();
        assertThat(deployments).containsAll(List.of(((String) environment.get("DEPLOYMENTS")).split(" ")));
        assertThat(objects.stream().filter(o -> "Job".equals(o.get("kind")))).as("one migration Job").hasSize(1);
    }

    // --- reading the workflow files

    private static Map<String, Object> load(Path file) {
        try {
            return map(new Yaml().load(Files.readString(file)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** YAML 1.1 reads the key {@code on} as the boolean true. */
    private static Object trigger(Map<String, Object> workflow) {
        Map<?, ?> raw = workflow;
        return raw.containsKey("on") ? raw.get("on") : raw.get(Boolean.TRUE);
    }

    private static Map<String, Object> jobs(Map<String, Object> workflow) {
        return map(workflow.get("jobs"));
    }

    private static Map<String, Object> job(Map<String, Object> workflow, String name) {
        return map(jobs(workflow).get(name));
    }

    private static List<Map<String, Object>> allSteps(Map<String, Object> workflow) {
        List<Map<String, Object>> steps = new ArrayList<>();
        jobs(workflow).values().forEach(job -> {
            Object jobSteps = map(job).get("steps");
            if (jobSteps != null) {
                list(jobSteps).forEach(step -> steps.add(map(step)));
            }
        });
        return steps;
    }

    private static Map<String, Object> step(Map<String, Object> workflow, String name) {
        return allSteps(workflow).stream().filter(step -> name.equals(step.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name));
    }

    private static String run(Map<String, Object> step) {
        return step.get("run") == null ? "" : (String) step.get("run");
    }

    private static void collect(String key, Object value, List<String[]> entries) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(String.valueOf(k), v, entries));
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collect(key, item, entries));
        } else if (value != null) {
            entries.add(new String[] {key, String.valueOf(value)});
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static List<String> strings(Object value) {
        return value instanceof String single ? List.of(single) : list(value).stream().map(String::valueOf).toList();
    }
}
