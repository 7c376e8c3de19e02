package com.qteria.evaluation.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qteria.evaluation.AiSettings;
import com.qteria.evaluation.LanguageModel;
import com.qteria.evaluation.LanguageModelException;
import com.qteria.evaluation.LanguageModelException.Kind;
import com.qteria.evaluation.ModelPrice;
import com.qteria.evaluation.ModelPrompt;
import com.qteria.evaluation.ModelReply;
import com.qteria.evaluation.TokenUsage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retries, back-off honouring retry-after, no retry for refusals, the circuit breaker, and the metrics. */
class GuardedModelTests {

    static final ModelPrompt PROMPT = new ModelPrompt("system", "<untrusted_documents></untrusted_documents>",
            List.of(new ModelPrompt.Message(ModelPrompt.Role.USER, "question")), 1000);

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** Fails as scripted, then answers; remembers when each call came. */
    static final class Flaky implements LanguageModel {
        final Deque<LanguageModelException> failures = new ArrayDeque<>();
        final List<Long> calls = new ArrayList<>();

        @Override
        public String name() {
            return "fake/m";
        }

        @Override
        public String model() {
            return "m";
        }

        @Override
        public synchronized ModelReply complete(ModelPrompt prompt) {
            calls.add(System.nanoTime());
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            return new ModelReply("{}", new TokenUsage(1000, 200, 3000, 5000), false);
        }
    }

    GuardedModel guard(LanguageModel model, int attempts, Duration backoff) {
        return guard(model, attempts, backoff, java.time.Clock.systemUTC());
    }

    GuardedModel guard(LanguageModel model, int attempts, Duration backoff, java.time.Clock clock) {
        AiSettings s = AiSettings.of("anthropic", "m", "k", "");
        return new GuardedModel(model, new AiSettings(s.provider(), s.model(), s.apiKey(), s.baseUrl(), s.timeout(),
                s.maxOutputTokens(), s.batchSize(), s.contextBudgetTokens(), attempts, backoff, Duration.ofSeconds(5),
                2, 1000, Map.of("m", new ModelPrice(new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("3.75"),
                        new BigDecimal("0.30"))), ""), meters, clock);
    }

    @Test
    void theOpenBreakerLetsProbeCallsThroughOnceItsOpenTimeHasPassedByTheClockItWasGiven() {
        Flaky model = new Flaky();
        for (int i = 0; i < 5; i++) {
            model.failures.add(new LanguageModelException(Kind.OVERLOADED, "529"));
        }
        com.qteria.support.MutableClock clock = new com.qteria.support.MutableClock();
        GuardedModel guarded = guard(model, 1, Duration.ofMillis(1), clock);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> guarded.complete(PROMPT)).isInstanceOf(LanguageModelException.class);
        }
        assertThatThrownBy(() -> guarded.complete(PROMPT)).satisfies(e -> assertThat(
                ((LanguageModelException) e).kind()).isEqualTo(Kind.UNAVAILABLE));
        clock.advance(GuardedModel.OPEN_FOR.minusSeconds(1));
        assertThatThrownBy(() -> guarded.complete(PROMPT)).isInstanceOf(LanguageModelException.class);
        assertThat(model.calls).hasSize(5);
        clock.advance(Duration.ofSeconds(2));
        assertThat(guarded.complete(PROMPT).text()).isEqualTo("{}");
        assertThat(model.calls).as("the probe reached the provider").hasSize(6);
    }

    @Test
    void refusalsOfTheCallDoNotCountForTheCircuitBreaker() {
        Flaky model = new Flaky();
        for (int i = 0; i < 20; i++) {
            model.failures.add(new LanguageModelException(i % 2 == 0 ? Kind.AUTHENTICATION : Kind.PERMISSION,
                    i % 2 == 0 ? "401" : "403"));
        }
        model.failures.add(new LanguageModelException(Kind.OVERLOADED, "529"));
        GuardedModel guarded = guard(model, 1, Duration.ofMillis(1));
        for (int i = 0; i < 21; i++) {
            assertThatThrownBy(() -> guarded.complete(PROMPT)).satisfies(e -> assertThat(
                    ((LanguageModelException) e).kind()).isNotEqualTo(Kind.UNAVAILABLE));
        }
        assertThat(guarded.complete(PROMPT).text()).as("20 refusals and one overload do not open the breaker")
                .isEqualTo("{}");
        assertThat(model.calls).hasSize(22);
    }

    @Test
    void aRateLimitIsRetriedAfterTheTimeTheProviderAsksFor() {
        Flaky model = new Flaky();
        model.failures.add(new LanguageModelException(Kind.RATE_LIMITED, "429", Duration.ofMillis(700), null));
        ModelReply reply = guard(model, 4, Duration.ofMillis(1)).complete(PROMPT);
        assertThat(reply.text()).isEqualTo("{}");
        assertThat(model.calls).hasSize(2);
        assertThat(Duration.ofNanos(model.calls.get(1) - model.calls.get(0))).isGreaterThanOrEqualTo(
                Duration.ofMillis(650));
        assertThat(meters.get("qteria.ai.calls").tag("outcome", "rate_limited").counter().count()).isEqualTo(1);
        assertThat(meters.get("qteria.ai.calls").tag("outcome", "success").counter().count()).isEqualTo(1);
    }

    @Test
    void overloadAndServerErrorsAreRetriedWithBackOffUpToTheLimit() {
        Flaky model = new Flaky();
        for (int i = 0; i < 5; i++) {
            model.failures.add(new LanguageModelException(i % 2 == 0 ? Kind.OVERLOADED : Kind.SERVER_ERROR, "5xx"));
        }
        assertThatThrownBy(() -> guard(model, 3, Duration.ofMillis(50)).complete(PROMPT))
                .isInstanceOf(LanguageModelException.class)
                .satisfies(e -> assertThat(((LanguageModelException) e).kind()).isEqualTo(Kind.OVERLOADED));
        assertThat(model.calls).hasSize(3);
        assertThat(Duration.ofNanos(model.calls.get(2) - model.calls.get(1)))
                .as("the second wait is twice the first").isGreaterThanOrEqualTo(Duration.ofMillis(95));
    }

    @Test
    void aRejectedKeyIsNotRetried() {
        Flaky model = new Flaky();
        model.failures.add(new LanguageModelException(Kind.AUTHENTICATION, "401 authentication_error"));
        assertThatThrownBy(() -> guard(model, 4, Duration.ofMillis(1)).complete(PROMPT))
                .isInstanceOfSatisfying(LanguageModelException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
                    assertThat(e.plainMessage()).startsWith("The AI provider rejected the API key.");
                });
        assertThat(model.calls).hasSize(1);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndStopsCallingTheProvider() {
        Flaky model = new Flaky();
        for (int i = 0; i < 100; i++) {
            model.failures.add(new LanguageModelException(Kind.SERVER_ERROR, "500"));
        }
        GuardedModel guarded = guard(model, 1, Duration.ofMillis(1));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> guarded.complete(PROMPT)).isInstanceOf(LanguageModelException.class);
        }
        assertThat(model.calls).hasSize(5);
        AtomicInteger refused = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            try {
                guarded.complete(PROMPT);
            } catch (LanguageModelException e) {
                if (e.kind() == Kind.UNAVAILABLE) {
                    refused.incrementAndGet();
                }
            }
        }
        assertThat(refused).hasValue(10);
        assertThat(model.calls).as("no call reaches a provider that is down").hasSize(5);
        assertThat(new LanguageModelException(Kind.UNAVAILABLE, "x").plainMessage()).contains("did not answer");
    }

    @Test
    void tokensAndCostAreCounted() {
        guard(new Flaky(), 1, Duration.ofMillis(1)).complete(PROMPT);
        assertThat(meters.get("qteria.ai.tokens").tag("type", "input").counter().count()).isEqualTo(1000);
        assertThat(meters.get("qteria.ai.tokens").tag("type", "output").counter().count()).isEqualTo(200);
        assertThat(meters.get("qteria.ai.tokens").tag("type", "cache_write").counter().count()).isEqualTo(3000);
        assertThat(meters.get("qteria.ai.tokens").tag("type", "cache_read").counter().count()).isEqualTo(5000);
        // 1000 × 3 + 200 × 15 + 3000 × 3.75 + 5000 × 0.30 = 18 750 per million
        assertThat(meters.get("qteria.ai.cost").counter().count()).isEqualTo(0.01875);
    }
}
