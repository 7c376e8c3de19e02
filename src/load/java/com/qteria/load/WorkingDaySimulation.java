package com.qteria.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.BodyPart;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A working day of Qteria over its API (issue 17, acceptance 1), then a burst of assessments.
 *
 * <p>Phase 1, "day": {@code users} handlers (50) signed in with bearer tokens work for {@code minutes} (5): most of the
 * time they browse (list and open workflows, list assessments, open a completed one's results, download its CSV
 * report); {@code submitPercent} (25) % of their steps submit a case: upload the four documents of sample case 1 in
 * one request, start an assessment of the sample LVD workflow, poll it until it ends, open the results, put a review
 * and download report.csv and report.pdf. Each step is followed by a think time of {@code thinkMin}–{@code thinkMax}
 * seconds (2–8). Phase 2, "burst", when the day is over: {@code burst} (100) assessments of the same ready documents
 * started within {@code burstSeconds} (60), each polled until it ends. Set {@code burst=0} or {@code users=0} to skip a
 * phase. The workflow is imported once, before, with the admin's account ({@code email}, {@code password}, or
 * the environment's QTERIA_BOOTSTRAP_ADMIN_EMAIL and QTERIA_BOOTSTRAP_ADMIN_PASSWORD).
 *
 * <p>Assertions: every read (the JSON GETs) p95 &lt; {@code p95} (200) ms and p99 &lt; {@code p99} (500) ms, no failed
 * request, every burst assessment completed. Whether the last burst assessment completed within 2 minutes of the
 * burst, and the assessments per minute, are written to {@code target/gatling/qteria-load.json} for bench/load/run.sh.
 */
public class WorkingDaySimulation extends Simulation {

    static final String BASE = System.getProperty("qteria.url", "http://127.0.0.1:8080");
    static final String EMAIL = System.getProperty("email", environment("QTERIA_BOOTSTRAP_ADMIN_EMAIL",
            "admin@bench.example"));
    static final String PASSWORD = System.getProperty("password", environment("QTERIA_BOOTSTRAP_ADMIN_PASSWORD",
            "bench password 2026"));
    static final Path SAMPLES = Path.of(System.getProperty("samples", "src/main/resources/samples/documents"));
    static final Path WORKFLOW = Path.of(System.getProperty("workflow",
            "src/main/resources/workflow-templates/lvd-ict-equipment.json"));
    static final int USERS = Integer.getInteger("users", 50);
    static final double MINUTES = Double.parseDouble(System.getProperty("minutes", "5"));
    static final int RAMP_SECONDS = Integer.getInteger("rampSeconds", 30);
    static final double SUBMIT_PERCENT = Double.parseDouble(System.getProperty("submitPercent", "25"));
    static final int THINK_MIN = Integer.getInteger("thinkMin", 2);
    static final int THINK_MAX = Integer.getInteger("thinkMax", 8);
    static final int BURST = Integer.getInteger("burst", 100);
    static final int BURST_SECONDS = Integer.getInteger("burstSeconds", 60);
    static final Duration POLL = Duration.ofMillis(Long.getLong("pollMillis", 500));
    static final int MAX_POLLS = Integer.getInteger("maxPolls", 1200);
    static final int P95 = Integer.getInteger("p95", 200);
    static final int P99 = Integer.getInteger("p99", 500);
    static final Path SUMMARY = Path.of(System.getProperty("summary", "target/gatling/qteria-load.json"));

    static String environment(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** Sample case 1: bucket key → file name. */
    static final Map<String, String> CASE = new LinkedHashMap<>();

    static {
        CASE.put("test_reports", "tr-nordlicht-nv8240.pdf");
        CASE.put("declaration", "doc-nordlicht-nv8240.pdf");
        CASE.put("user_manual", "um-nordlicht-nv8240.pdf");
        CASE.put("risk_assessment", "ra-nordlicht-nv8240.pdf");
    }

    /** The read requests the p95/p99 assertions apply to. */
    static final List<String> READS = List.of("list workflows", "open workflow", "list assessments",
            "open assessment", "poll assessment", "open results");

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final AtomicInteger DAY_COMPLETED = new AtomicInteger();
    static final AtomicInteger DAY_NOT_COMPLETED = new AtomicInteger();
    static final AtomicInteger BURST_COMPLETED = new AtomicInteger();
    static final AtomicInteger BURST_NOT_COMPLETED = new AtomicInteger();
    static final AtomicLong BURST_FIRST_START = new AtomicLong(Long.MAX_VALUE);
    static final AtomicLong BURST_LAST_START = new AtomicLong();
    static final AtomicLong BURST_LAST_END = new AtomicLong();
    static final AtomicLong DAY_START = new AtomicLong();
    static final AtomicLong DAY_END = new AtomicLong();

    /** Set in before(): the imported workflow, the admin's token and the ready documents the burst assesses. */
    static volatile String workflowId;
    static volatile String adminToken;
    static volatile String burstDocuments;

    final HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("application/json")
            .userAgentHeader("qteria-load");

    static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static final String SIGN_IN = "{\"email\":" + json(EMAIL) + ",\"password\":" + json(PASSWORD) + "}";

    static byte[] sample(String name) {
        try {
            return Files.readAllBytes(SAMPLES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final Map<String, byte[]> PDFS = new LinkedHashMap<>();

    static {
        CASE.values().forEach(name -> PDFS.put(name, sample(name)));
    }

    // ---- setup, with the JDK's client (not measured) ----

    static String call(String method, String path, String token, String contentType, byte[] body) {
        var request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String field(String body, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + body);
        }
        return matcher.group(1);
    }

    @Override
    public void before() {
        adminToken = field(call("POST", "/api/v1/auth/token", null, "application/json",
                SIGN_IN.getBytes(StandardCharsets.UTF_8)), "access_token");
        try {
            workflowId = field(call("POST", "/api/v1/workflows/import", adminToken, "application/json",
                    Files.readAllBytes(WORKFLOW)), "id");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (BURST > 0) {
            List<String> pairs = new ArrayList<>();
            for (var entry : CASE.entrySet()) {
                String boundary = UUID.randomUUID().toString();
                byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + entry.getValue() + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                byte[] pdf = PDFS.get(entry.getValue());
                byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
                byte[] body = new byte[head.length + pdf.length + tail.length];
                System.arraycopy(head, 0, body, 0, head.length);
                System.arraycopy(pdf, 0, body, head.length, pdf.length);
                System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
                String id = field(call("POST", "/api/v1/documents", adminToken,
                        "multipart/form-data; boundary=" + boundary, body), "id");
                pairs.add("{\"bucket\":" + json(entry.getKey()) + ",\"document_id\":" + json(id) + "}");
            }
            burstDocuments = String.join(",", pairs);
        }
        System.out.println("Setup: workflow " + workflowId + " imported at " + BASE);
    }

    // ---- the working day ----

    static ChainBuilder think() {
        return pause(Duration.ofSeconds(THINK_MIN), Duration.ofSeconds(THINK_MAX));
    }

    static final String AUTH = "Bearer #{token}";

    static final ChainBuilder SIGN_IN_STEP = exec(http("sign in").post("/api/v1/auth/token")
            .body(StringBody(SIGN_IN)).asJson()
            .check(jsonPath("$.access_token").saveAs("token")));

    static final ChainBuilder BROWSE = exec(
            http("list workflows").get("/api/v1/workflows?archived=false").header("Authorization", AUTH)
                    .check(jsonPath("$.items[0].id").saveAs("someWorkflow")),
            think(),
            http("open workflow").get("/api/v1/workflows/#{someWorkflow}").header("Authorization", AUTH),
            think(),
            http("list assessments").get("/api/v1/assessments?status=completed&size=20")
                    .header("Authorization", AUTH)
                    .check(jsonPath("$.items[*].id").findRandom().optional().saveAs("seen")),
            think(),
            doIf(session -> session.contains("seen")).then(exec(
                    http("open assessment").get("/api/v1/assessments/#{seen}").header("Authorization", AUTH),
                    http("open results").get("/api/v1/assessments/#{seen}/results")
                            .header("Authorization", AUTH),
                    think(),
                    http("download report.csv").get("/api/v1/assessments/#{seen}/report.csv")
                            .header("Authorization", AUTH).header("Accept", "text/csv"),
                    think())));

    static ChainBuilder untilDone(String assessmentKey, String requestName) {
        return exec(session -> session.set("polls", 0)).asLongAs(session -> {
            String state = session.getString("state");
            return !"completed".equals(state) && !"failed".equals(state) && !"cancelled".equals(state)
                    && session.getInt("polls") < MAX_POLLS;
        }).on(pause(POLL).exec(
                http(requestName).get("/api/v1/assessments/#{" + assessmentKey + "}").header("Authorization", AUTH)
                        .check(jsonPath("$.status").saveAs("state")))
                .exec(session -> session.set("polls", session.getInt("polls") + 1)));
    }

    static final ChainBuilder SUBMIT = exec(
            http("upload documents").post("/api/v1/documents").header("Authorization", AUTH)
                    .asMultipartForm()
                    .bodyParts(CASE.values().stream().<BodyPart>map(name -> ByteArrayBodyPart("file", PDFS.get(name))
                            .fileName(name).contentType("application/pdf")).toList())
                    .check(status().is(201))
                    .check(CASE.entrySet().stream().<CheckBuilder>map(e -> jsonPath(
                            "$.items[?(@.filename=='" + e.getValue() + "')].id").saveAs(e.getKey())).toList()),
            think(),
            http("start assessment").post("/api/v1/assessments").header("Authorization", AUTH)
                    .body(StringBody(session -> "{\"workflow_id\":" + json(workflowId)
                            + ",\"reference\":\"Load test\",\"documents\":["
                            + String.join(",", CASE.keySet().stream().map(bucket -> "{\"bucket\":" + json(bucket)
                                    + ",\"document_id\":" + json(session.getString(bucket)) + "}").toList())
                            + "]}")).asJson()
                    .check(status().is(202), jsonPath("$.id").saveAs("assessment"),
                            jsonPath("$.status").saveAs("state")),
            untilDone("assessment", "poll assessment"),
            exec(session -> {
                (("completed".equals(session.getString("state"))) ? DAY_COMPLETED : DAY_NOT_COMPLETED)
                        .incrementAndGet();
                return session;
            }),
            http("open results").get("/api/v1/assessments/#{assessment}/results").header("Authorization", AUTH),
            think(),
            http("put review").put("/api/v1/assessments/#{assessment}/results/tr_standard/review")
                    .header("Authorization", AUTH)
                    .body(StringBody("{\"verdict\":\"pass\",\"comment\":\"Checked by the load test\"}")).asJson(),
            think(),
            http("download report.csv").get("/api/v1/assessments/#{assessment}/report.csv")
                    .header("Authorization", AUTH).header("Accept", "text/csv"),
            http("download report.pdf").get("/api/v1/assessments/#{assessment}/report.pdf")
                    .header("Authorization", AUTH).header("Accept", "application/pdf"),
            think());

    final ScenarioBuilder day = scenario("day").exec(SIGN_IN_STEP)
            .exec(session -> {
                DAY_START.compareAndSet(0, System.currentTimeMillis());
                return session;
            })
            .during(Duration.ofMillis((long) (MINUTES * 60_000))).on(
                    randomSwitch().on(new Choice.WithWeight(SUBMIT_PERCENT, SUBMIT),
                            new Choice.WithWeight(100 - SUBMIT_PERCENT, BROWSE)))
            .exec(session -> {
                DAY_END.accumulateAndGet(System.currentTimeMillis(), Math::max);
                return session;
            });

    // ---- the burst ----

    final ScenarioBuilder burst = scenario("burst")
            .exec(session -> {
                BURST_FIRST_START.accumulateAndGet(System.currentTimeMillis(), Math::min);
                return session.set("token", adminToken);
            })
            .exec(http("burst: start assessment").post("/api/v1/assessments").header("Authorization", AUTH)
                    .body(StringBody(session -> "{\"workflow_id\":" + json(workflowId)
                            + ",\"reference\":\"Burst\",\"documents\":[" + burstDocuments + "]}")).asJson()
                    .check(status().is(202), jsonPath("$.id").saveAs("burstAssessment"),
                            jsonPath("$.status").saveAs("state")))
            .exec(session -> {
                BURST_LAST_START.accumulateAndGet(System.currentTimeMillis(), Math::max);
                return session;
            })
            .exec(untilDone("burstAssessment", "burst: poll assessment"))
            .exec(session -> {
                if ("completed".equals(session.getString("state"))) {
                    BURST_COMPLETED.incrementAndGet();
                    BURST_LAST_END.accumulateAndGet(System.currentTimeMillis(), Math::max);
                } else {
                    BURST_NOT_COMPLETED.incrementAndGet();
                }
                return session;
            })
            .exec(http("burst: open results").get("/api/v1/assessments/#{burstAssessment}/results")
                    .header("Authorization", AUTH));

    {
        List<Assertion> assertions = new ArrayList<>();
        assertions.add(global().failedRequests().count().is(0L));
        for (String read : READS) {
            if (USERS > 0) {
                assertions.add(details(read).responseTime().percentile(95.0).lt(P95));
                assertions.add(details(read).responseTime().percentile(99.0).lt(P99));
            }
        }
        PopulationBuilder dayPopulation = day.injectOpen(rampUsers(USERS).during(RAMP_SECONDS));
        PopulationBuilder burstPopulation = burst.injectOpen(rampUsers(BURST).during(BURST_SECONDS));
        PopulationBuilder population = USERS == 0 ? burstPopulation
                : BURST == 0 ? dayPopulation : dayPopulation.andThen(burstPopulation);
        if (BURST > 0) {
            assertions.add(details("burst: open results").successfulRequests().count().is((long) BURST));
        }
        setUp(population).protocols(protocol).assertions(assertions);
    }

    @Override
    public void after() {
        double dayMinutes = DAY_END.get() > DAY_START.get() ? (DAY_END.get() - DAY_START.get()) / 60_000.0 : 0;
        long burstSeconds = BURST_LAST_END.get() > 0 ? (BURST_LAST_END.get() - BURST_FIRST_START.get()) / 1000 : -1;
        long afterBurst = BURST_LAST_END.get() > 0 ? (BURST_LAST_END.get() - BURST_LAST_START.get()) / 1000 : -1;
        String summary = "{\"users\": " + USERS + ", \"minutes\": " + MINUTES
                + ", \"day_assessments_completed\": " + DAY_COMPLETED.get()
                + ", \"day_assessments_not_completed\": " + DAY_NOT_COMPLETED.get()
                + ", \"day_assessments_per_minute\": "
                + (dayMinutes > 0 ? String.format(java.util.Locale.ROOT, "%.1f", DAY_COMPLETED.get() / dayMinutes) : 0)
                + ", \"burst\": " + BURST + ", \"burst_seconds\": " + BURST_SECONDS
                + ", \"burst_completed\": " + BURST_COMPLETED.get()
                + ", \"burst_not_completed\": " + BURST_NOT_COMPLETED.get()
                + ", \"burst_first_start_to_last_completed_s\": " + burstSeconds
                + ", \"burst_last_start_to_last_completed_s\": " + afterBurst + "}";
        try {
            Files.createDirectories(SUMMARY.toAbsolutePath().getParent());
            Files.writeString(SUMMARY, summary + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Qteria load summary: " + summary);
    }
}
