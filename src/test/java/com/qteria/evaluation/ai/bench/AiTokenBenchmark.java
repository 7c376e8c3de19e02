package com.qteria.evaluation.ai.bench;

import com.qteria.evaluation.ai.AiBatch;
import com.qteria.evaluation.AiEvaluation;
import com.qteria.evaluation.ai.AiOutcome;
import com.qteria.evaluation.AiSettings;
import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.evaluation.Evaluation;
import com.qteria.evaluation.LanguageModels;
import com.qteria.evaluation.ModelPrice;
import com.qteria.evaluation.PagesSent;
import com.qteria.evaluation.TokenUsage;
import com.qteria.support.ai.FakeAnthropicServer;
import com.qteria.support.ai.FakeModelServer.FakeResponse;
import com.qteria.support.ai.FakeModelServer.Recorded;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.Severity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Input tokens and cost of one assessment's AI calls (docs/BENCHMARKS.md, "AI tokens and cost"): 3 documents × 50
 * pages of technical-file prose and N plain-language criteria (10 by default), each criterion answered by a sentence
 * planted on one page. Qteria's real prompt, batching, context selection and Anthropic adapter run against the fake
 * Anthropic server, which meters each request as the API would (tokens estimated at 4 characters each, the same
 * estimate for every approach; a cache_control prefix written on first sight and read afterwards, 1024 tokens at the
 * least) and answers pass with the planted sentence when it was sent. The naive approach — every criterion in its own
 * call with every page of every document, no caching — is metered with the same estimate.
 * <p>
 * Usage: {@code AiTokenBenchmark [criteria] [budget…]}, budgets in tokens per call (default 20000 150000 8000).
 */
public final class AiTokenBenchmark {

    static final ModelPrice SONNET = new ModelPrice(new BigDecimal("2.00"), new BigDecimal("10.00"),
            new BigDecimal("2.50"), new BigDecimal("0.20"));
    static final String[] WORDS = ("the device shall be tested according to clause requirements of the standard and "
            + "the results are recorded in the report with measured values for each sample including temperature "
            + "rise leakage current insulation resistance dielectric strength creepage clearance enclosure marking "
            + "instructions warnings rated voltage frequency power consumption protective earth conductor cross "
            + "section terminal fuse component list certificate manufacturer model variant production line factory "
            + "inspection quality plan document revision date approval signature page annex table figure").split(" ");
    static final String[][] FACTS = {
            {"Risk management per ISO 14971", "A risk management file according to ISO 14971 exists.",
                    "The risk management file was prepared according to ISO 14971:2019 and approved by the board."},
            {"Rated voltage stated", "The rated voltage of the equipment is stated.",
                    "The rated supply voltage of the unit is 230 V alternating current at 50 Hz."},
            {"Creepage distances measured", "Creepage distances were measured and meet the limits.",
                    "All measured creepage distances exceed the required minimum of 2.5 mm."},
            {"Dielectric strength test passed", "The dielectric strength test was passed.",
                    "The dielectric strength test at 3000 V for 60 seconds showed no breakdown."},
            {"Leakage current within limits", "Touch current and leakage current are within limits.",
                    "The touch current measured 0.12 mA, below the permitted 0.25 mA."},
            {"Warning labels in German", "Warnings are given in German for the German market.",
                    "Die Warnhinweise sind in deutscher Sprache auf dem Gehäuse angebracht."},
            {"Factory inspection performed", "A factory production control inspection took place.",
                    "The factory production control inspection took place on 14 May 2025 without findings."},
            {"Component certificates listed", "Certificates of the critical components are listed.",
                    "The list of critical components gives the certificate number for every fuse and relay."},
            {"Temperature rise acceptable", "Temperature rise of accessible parts is acceptable.",
                    "The temperature rise of accessible surfaces remained below 25 K in every test."},
            {"Instructions for safe disposal", "The manual explains safe disposal of the product.",
                    "Dispose of the product at a collection point for electrical waste, never with household waste."},
    };
    static final Pattern KEY = Pattern.compile("<criterion key=\"([^\"]+)\">");

    public static void main(String[] args) throws Exception {
        int criteriaCount = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Integer> budgets = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            budgets.add(Integer.parseInt(args[i]));
        }
        if (budgets.isEmpty()) {
            budgets.addAll(List.of(20_000, 150_000, 8_000));
        }
        Corpus corpus = Corpus.generate(criteriaCount);
        System.out.printf(Locale.ROOT, "%d documents × 50 pages (%,d characters, ~%,d tokens), %d plain-language "
                        + "criteria; prices per million tokens: input $2.00, output $10.00, cache write $2.50, "
                        + "cache read $0.20 (Claude Sonnet 5.5)%n%n", corpus.documents.size(), corpus.characters(),
                corpus.characters() / 4, criteriaCount);
        Naive naive = Naive.of(corpus);
        System.out.println("| approach | calls | input tokens (uncached / cache write / cache read) | output tokens "
                + "| input vs naive | cost | planted pages sent |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| naive: whole documents per criterion, no cache | %d | %,d | %,d | 100 %% | $%s | %d/%d |%n",
                criteriaCount, naive.input, naive.output, usd(new TokenUsage(naive.input, naive.output, 0, 0)),
                criteriaCount, criteriaCount);
        for (int budget : budgets) {
            try (FakeAnthropicServer server = new FakeAnthropicServer()) {
                Meter meter = new Meter();
                server.respondByDefault(request -> {
                    try {
                        return meter.answer(request);
                    } catch (RuntimeException e) {
                        e.printStackTrace();
                        throw e;
                    }
                });
                AiSettings base = AiSettings.of("anthropic", "claude-sonnet-5-5", "bench-key", server.baseUrl());
                AiSettings settings = new AiSettings(base.provider(), base.model(), base.apiKey(), base.baseUrl(),
                        Duration.ofSeconds(60), 4096, 10, budget, 1, Duration.ofMillis(10), Duration.ofSeconds(1), 4,
                        1000, Map.of("claude-sonnet-5-5", SONNET), "");
                AiEvaluation ai = new AiEvaluation(LanguageModels.connect(settings, new SimpleMeterRegistry()),
                        new Evaluation(), settings);
                TokenUsage usage = TokenUsage.NONE;
                int calls = 0;
                int planted = 0;
                for (AiBatch batch : ai.plan(corpus.criteria, corpus.documents)) {
                    AiOutcome outcome = ai.evaluate(batch);
                    usage = usage.plus(outcome.usage());
                    calls += outcome.calls();
                    planted += corpus.plantedSent(batch, outcome.pagesSent());
                }
                System.out.printf(Locale.ROOT, "| Qteria, budget %,d tokens per call | %d | %,d (%,d / %,d / %,d) | %,d | %.1f %% | $%s | %d/%d |%n",
                        budget, calls, usage.totalInputTokens(), usage.inputTokens(), usage.cacheWriteTokens(),
                        usage.cacheReadTokens(), usage.outputTokens(),
                        100.0 * usage.totalInputTokens() / naive.input, usd(usage), planted, criteriaCount);
            }
        }
    }

    static String usd(TokenUsage usage) {
        return usage.usd(SONNET).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    static int tokens(String text) {
        return text.length() / 4;
    }

    /** Meters requests like the Messages API and answers from what was sent. */
    static final class Meter {
        final Set<String> cached = new HashSet<>();

        synchronized FakeResponse answer(Recorded request) {
            JsonNode json = request.json();
            String system = json.path("system").path(0).path("text").asString();
            JsonNode first = json.path("messages").path(0).path("content");
            String documents = first.path(0).path("text").asString();
            boolean cacheable = first.path(0).path("cache_control").path("type").asString().equals("ephemeral");
            int all = tokens(request.body());
            int prefix = tokens(system) + tokens(documents);
            long write = 0;
            long read = 0;
            if (cacheable && prefix >= 1024) {
                if (cached.add(system + documents)) {
                    write = prefix;
                } else {
                    read = prefix;
                }
            }
            String question = first.path(first.size() - 1).path("text").asString();
            List<String> items = new ArrayList<>();
            Matcher m = KEY.matcher(question);
            while (m.find()) {
                int index = Integer.parseInt(m.group(1).substring(1));
                String fact = FACTS[index % FACTS.length][2];
                Matcher doc = Pattern.compile("<document id=\"(D\\d+)\"").matcher(documents);
                String answer = "{\"key\": \"" + m.group(1) + "\", \"verdict\": \"uncertain\", \"confidence\": "
                        + "\"low\", \"reasoning\": \"The pages sent do not show this.\", \"missing\": false, "
                        + "\"evidence\": []}";
                int at = documents.indexOf(fact);
                if (at >= 0) {
                    String before = documents.substring(0, at);
                    String id = "D1";
                    while (doc.find() && doc.start() < at) {
                        id = doc.group(1);
                    }
                    String marker = before.substring(before.lastIndexOf("<page number=\"") + 14);
                    int page = Integer.parseInt(marker.substring(0, marker.indexOf('"')));
                    answer = "{\"key\": \"" + m.group(1) + "\", \"verdict\": \"pass\", \"confidence\": \"high\", "
                            + "\"reasoning\": \"The document states this explicitly on the cited page, which "
                            + "satisfies the criterion as written.\", \"missing\": false, \"evidence\": [{\"document\": \""
                            + id + "\", \"page\": " + page + ", \"quote\": \"" + fact + "\"}]}";
                }
                items.add(answer);
            }
            String text = "{\"results\": [" + String.join(", ", items) + "]}";
            return FakeAnthropicServer.text(text, all - write - read, tokens(text), write, read);
        }
    }

    /** Every criterion alone, with every page of every document. */
    record Naive(long input, long output) {
        static Naive of(Corpus corpus) {
            long pages = 0;
            for (EvaluatedDocument document : corpus.documents) {
                for (String page : document.pages()) {
                    pages += tokens(page) + 12;
                }
            }
            long perCall = pages + 1_000; // the documents, the instructions and one criterion
            return new Naive(perCall * corpus.criteria.size(), 90L * corpus.criteria.size());
        }
    }

    /** The generated documents, the criteria and where each criterion's answer was planted. */
    record Corpus(List<EvaluatedDocument> documents, List<Criterion> criteria, Map<String, int[]> planted) {

        static Corpus generate(int criteriaCount) {
            Random random = new Random(42);
            List<List<String>> pages = new ArrayList<>();
            for (int d = 0; d < 3; d++) {
                List<String> doc = new ArrayList<>();
                for (int p = 1; p <= 50; p++) {
                    doc.add(prose(random, d, p));
                }
                pages.add(doc);
            }
            List<Criterion> criteria = new ArrayList<>();
            Map<String, int[]> planted = new java.util.HashMap<>();
            for (int i = 0; i < criteriaCount; i++) {
                String[] fact = FACTS[i % FACTS.length];
                int d = i % 3;
                int p = 5 + (i * 17) % 45;
                List<String> doc = pages.get(d);
                String page = doc.get(p - 1);
                int cut = page.indexOf('\n', page.length() / 2);
                doc.set(p - 1, page.substring(0, cut + 1) + fact[2] + "\n" + page.substring(cut + 1));
                String key = "c" + i;
                planted.put(key, new int[] {d, p});
                criteria.add(new Criterion(UUID.randomUUID(), key, fact[0], fact[1], List.of("*"),
                        Severity.REQUIRED, i, List.of()));
            }
            String[] names = {"technical-documentation.pdf", "test-report.pdf", "risk-assessment.pdf"};
            List<EvaluatedDocument> documents = new ArrayList<>();
            for (int d = 0; d < 3; d++) {
                documents.add(new EvaluatedDocument(UUID.randomUUID(), names[d], "b" + d, pages.get(d), List.of()));
            }
            return new Corpus(documents, criteria, planted);
        }

        int characters() {
            return documents.stream().flatMap(d -> d.pages().stream()).mapToInt(String::length).sum();
        }

        /** How many of the batch's criteria had their planted page sent. */
        int plantedSent(AiBatch batch, List<PagesSent> sent) {
            int count = 0;
            for (Criterion criterion : batch.criteria()) {
                int[] at = planted.get(criterion.key());
                EvaluatedDocument document = batch.documents().get(at[0]);
                if (sent.isEmpty() || sent.stream().anyMatch(s -> s.documentId().equals(document.id())
                        && s.pages().contains(at[1]))) {
                    count++;
                }
            }
            return count;
        }

        private static String prose(Random random, int document, int page) {
            StringBuilder text = new StringBuilder("Section " + (document + 1) + "." + page + "\n");
            while (text.length() < 3000) {
                StringBuilder line = new StringBuilder();
                while (line.length() < 90) {
                    line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                text.append(line.toString().strip()).append(".\n");
            }
            return text.toString();
        }
    }
}
