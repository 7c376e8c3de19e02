package com.qteria.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.w3c.dom.Element;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment descriptors ({@code deploy/compose}, {@code deploy/kubernetes}) and the image definitions
 * (Dockerfile, Jib in the pom) held to the application: every file parses, every variable given to a Qteria container
 * is one the application reads ({@link ApplicationVariables}: a renamed variable fails here), the probes ask the
 * actuator's paths on the served port, the image is the same everywhere, two replicas each roll without losing
 * capacity, disruption budgets cover both, the migration Job runs {@code db migrate}, and secrets are placeholders.
 */
class DescriptorsTests {

    private static final Path COMPOSE = Path.of("deploy/compose/compose.yaml");
    private static final Path KUBERNETES = Path.of("deploy/kubernetes");

    private final Map<String, Object> application = yaml(Path.of("src/main/resources/application.yml")).getFirst();
    private final List<Map<String, Object>> manifests = kubernetes();
    private final Map<String, String> pom = Pom.properties();

    @Test
    void composeGivesQteriaContainersOnlyVariablesTheApplicationReads() {
        Map<String, Object> services = map(yaml(COMPOSE).getFirst().get("services"));
        Set<String> qteria = new TreeSet<>();
        services.forEach((name, service) -> {
            if (String.valueOf(map(service).get("image")).startsWith(pom.get("qteria.image") + ":")) {
                qteria.add(name);
                assertThat(map(map(service).get("environment")).keySet()).as(name)
                        .isSubsetOf(ApplicationVariables.all());
            }
        });
        assertThat(qteria).containsExactlyInAnyOrder("migrate", "web", "worker");
        assertThat(list(map(services.get("migrate")).get("command"))).containsExactly("db", "migrate");
        assertThat(list(map(services.get("web")).get("command"))).containsExactly("--role=web");
        assertThat(list(map(services.get("worker")).get("command"))).containsExactly("--role=worker");
        assertThat(services).containsKeys("postgres", "minio");
    }

    @Test
    void kubernetesGivesOnlyVariablesTheApplicationReadsAndPlaceholderSecrets() {
        Map<String, Object> config = map(kind("ConfigMap").getFirst().get("data"));
        Map<String, Object> secret = map(kind("Secret").getFirst().get("stringData"));
        assertThat(config.keySet()).isSubsetOf(ApplicationVariables.all()).contains("ENVIRONMENT");
        assertThat(secret.keySet()).isSubsetOf(ApplicationVariables.all());
        assertThat(secret.values()).allSatisfy(value -> assertThat(String.valueOf(value)).contains("change-me"));
        for (Map<String, Object> container : qteriaContainers()) {
            for (Object env : list(container.getOrDefault("env", List.of()))) {
                assertThat(ApplicationVariables.all()).contains(String.valueOf(map(env).get("name")));
            }
            assertThat(list(container.get("envFrom"))).hasSize(2);
        }
    }

    @Test
    void theImageIsTheSameEverywhere() {
        Set<String> images = new TreeSet<>();
        qteriaContainers().forEach(container -> images.add(String.valueOf(container.get("image"))));
        map(yaml(COMPOSE).getFirst().get("services")).values().stream().map(service -> map(service).get("image"))
                .map(String::valueOf).filter(image -> image.startsWith(pom.get("qteria.image") + ":"))
                .forEach(images::add);
        images.add(pom.get("qteria.image") + ":" + pom.get("version"));
        assertThat(images).as("one image reference").hasSize(1);
        Map<String, Object> kustomized = map(list(yaml(KUBERNETES.resolve("kustomization.yaml")).getFirst()
                .get("images")).getFirst());
        assertThat(kustomized.get("name") + ":" + kustomized.get("newTag")).isEqualTo(images.iterator().next());
        assertThat(qteriaContainers()).hasSize(3);
    }

    @Test
    void probesAskTheActuatorOnTheServedPortAndLivenessLeavesTheDatabaseOut() {
        Map<String, Object> management = map(application.get("management"));
        assertThat(map(map(map(management.get("endpoint")).get("health")).get("probes")).get("enabled"))
                .isEqualTo(true);
        assertThat(management).as("actuator on the server's port and base path").doesNotContainKey("server");
        assertThat(map(map(management.get("endpoints")).get("web"))).doesNotContainKey("base-path");
        Map<String, Object> groups = map(map(map(management.get("endpoint")).get("health")).get("group"));
        assertThat(groups).doesNotContainKey("liveness");
        assertThat(String.valueOf(map(application.get("server")).get("port"))).isEqualTo("${PORT:8080}");

        for (String role : List.of("web", "worker")) {
            Map<String, Object> container = map(list(podSpec(deployment(role)).get("containers")).getFirst());
            Map<String, Object> port = map(list(container.get("ports")).getFirst());
            assertThat(port).containsEntry("name", "http").containsEntry("containerPort", 8080);
            assertThat(probe(container, "livenessProbe")).containsEntry("path", "/actuator/health/liveness")
                    .containsEntry("port", "http");
            assertThat(probe(container, "startupProbe")).containsEntry("path", "/actuator/health/liveness");
            assertThat(probe(container, "readinessProbe")).containsEntry("path", "/actuator/health/readiness")
                    .containsEntry("port", "http");
            assertThat(list(container.get("args"))).containsExactly("--role=" + role);
            Map<String, Object> resources = map(container.get("resources"));
            assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
            assertThat(map(resources.get("limits"))).containsKeys("cpu", "memory");
            assertThat(map(podSpec(deployment(role)).get("securityContext"))).containsEntry("runAsUser",
                    Dockerfile.read().uid()).containsEntry("runAsNonRoot", true);
        }
    }

    @Test
    void twoReplicasEachRollWithoutLosingCapacityAndABudgetCoversThem() {
        for (String role : List.of("web", "worker")) {
            Map<String, Object> spec = map(deployment(role).get("spec"));
            assertThat(spec).containsEntry("replicas", 2);
            Map<String, Object> strategy = map(spec.get("strategy"));
            assertThat(strategy).containsEntry("type", "RollingUpdate");
            assertThat(map(strategy.get("rollingUpdate"))).containsEntry("maxUnavailable", 0)
                    .containsEntry("maxSurge", 1);
            Object labels = map(map(spec.get("template")).get("metadata")).get("labels");
            assertThat(kind("PodDisruptionBudget")).as(role).anySatisfy(budget -> {
                assertThat(map(budget.get("spec"))).containsEntry("minAvailable", 1);
                assertThat(map(map(budget.get("spec")).get("selector")).get("matchLabels")).isEqualTo(labels);
            });
        }
        assertThat(kind("Service").getFirst().toString()).contains("component=web");
    }

    /**
     * An orchestrator kills a stopping instance after its grace period: that period must cover the pre-stop pause,
     * the web server's drain (QTERIA_SHUTDOWN_GRACE, the phase timeout) and JobRunr's wait for running jobs.
     */
    @Test
    void podsAndContainersGetLongerToStopThanTheGracefulShutdownTakes() {
        Map<String, Object> qteria = map(application.get("qteria"));
        assertThat(map(application.get("server"))).containsEntry("shutdown", "graceful");
        assertThat(map(map(application.get("spring")).get("lifecycle")))
                .containsEntry("timeout-per-shutdown-phase", "${qteria.shutdown.grace}");
        String setting = String.valueOf(map(qteria.get("shutdown")).get("grace"));
        assertThat(setting).startsWith("${QTERIA_SHUTDOWN_GRACE:");
        Object configured = map(kind("ConfigMap").getFirst().get("data")).getOrDefault("QTERIA_SHUTDOWN_GRACE",
                setting.substring(setting.indexOf(':') + 1, setting.length() - 1));
        Duration drain = DurationStyle.detectAndParse(String.valueOf(configured));
        Duration jobs = Duration.ofSeconds(10).plusSeconds(1); // JobRunr: interrupt-jobs-await-duration-on-stop, save
        for (String role : List.of("web", "worker")) {
            Map<String, Object> pod = podSpec(deployment(role));
            Map<String, Object> container = map(list(pod.get("containers")).getFirst());
            Duration preStop = Duration.ofSeconds(((Number) map(map(map(container.getOrDefault("lifecycle",
                    Map.of("preStop", Map.of("sleep", Map.of("seconds", 0))))).get("preStop")).get("sleep"))
                    .get("seconds")).longValue());
            assertThat(Duration.ofSeconds(((Number) pod.get("terminationGracePeriodSeconds")).longValue())).as(role)
                    .isGreaterThan(preStop.plus(drain).plus(jobs));
        }
        Duration compose = DurationStyle.detectAndParse(String.valueOf(map(map(yaml(COMPOSE).getFirst()
                .get("services")).get("web")).get("stop_grace_period")));
        assertThat(compose).as("compose").isGreaterThan(drain.plus(jobs));
        assertThat(String.valueOf(application.get("jobrunr"))).as("JobRunr's wait as assumed here")
                .doesNotContain("interrupt-jobs-await-duration-on-stop");
    }

    @Test
    void theMigrationJobRunsTheDbMigrateCommand() throws IOException {
        Map<String, Object> container = map(list(podSpec(kind("Job").getFirst()).get("containers")).getFirst());
        assertThat(list(container.get("args"))).containsExactly("db", "migrate");
        assertThat(Files.readString(Path.of("src/main/java/com/qteria/Usage.java"))).contains("db migrate");
        List<Object> resources = list(yaml(KUBERNETES.resolve("kustomization.yaml")).getFirst().get("resources"));
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            assertThat(resources).as("kustomization lists every manifest")
                    .containsExactlyInAnyOrderElementsOf(files.map(file -> file.getFileName().toString())
                            .filter(name -> !name.equals("kustomization.yaml")).toList());
        }
    }

    @Test
    void dockerfileAndJibBuildTheSameImage() throws Exception {
        Dockerfile dockerfile = Dockerfile.read();
        Element jib = Pom.jibContainer();
        assertThat(Pom.text(jib, "user")).isEqualTo(dockerfile.user());
        assertThat(Pom.text(jib, "entrypoint")).isEqualTo(String.join(",", dockerfile.entrypoint()));
        assertThat(Pom.text(jib, "port")).isEqualTo(dockerfile.ports().getFirst().toString());
        Element environment = (Element) jib.getElementsByTagName("environment").item(0);
        Map<String, String> jibEnvironment = new java.util.LinkedHashMap<>();
        for (int i = 0; i < environment.getChildNodes().getLength(); i++) {
            if (environment.getChildNodes().item(i) instanceof Element variable) {
                jibEnvironment.put(variable.getTagName(), variable.getTextContent());
            }
        }
        assertThat(jibEnvironment).isEqualTo(dockerfile.environment());
        assertThat(dockerfile.labels().keySet()).contains("org.opencontainers.image.version",
                "org.opencontainers.image.revision", "org.opencontainers.image.source",
                "org.opencontainers.image.created");
        assertThat(dockerfile.healthCheck()).containsExactly("/app/healthcheck.sh");
        assertThat(ApplicationVariables.read(Path.of("deploy/docker/healthcheck.sh")))
                .contains("/actuator/health/readiness");
    }

    private List<Map<String, Object>> qteriaContainers() {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Map<String, Object> manifest : manifests) {
            if (List.of("Deployment", "Job").contains(manifest.get("kind"))) {
                list(podSpec(manifest).get("containers")).forEach(container -> containers.add(map(container)));
            }
        }
        return containers;
    }

    private Map<String, Object> deployment(String role) {
        return kind("Deployment").stream()
                .filter(manifest -> ("qteria-" + role).equals(map(manifest.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no Deployment qteria-" + role));
    }

    private List<Map<String, Object>> kind(String kind) {
        return manifests.stream().filter(manifest -> kind.equals(manifest.get("kind"))).toList();
    }

    private static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(map(map(workload.get("spec")).get("template")).get("spec"));
    }

    private static Map<String, Object> probe(Map<String, Object> container, String name) {
        return map(map(container.get(name)).get("httpGet"));
    }

    private static List<Map<String, Object>> kubernetes() {
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml")).sorted()
                    .flatMap(file -> yaml(file).stream()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yaml(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(ApplicationVariables.read(file)).forEach(document -> {
            assertThat(document).as(file + " holds a mapping per document").isInstanceOf(Map.class);
            documents.add((Map<String, Object>) document);
        });
        assertThat(documents).as(file.toString()).isNotEmpty();
        return documents;
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
}
