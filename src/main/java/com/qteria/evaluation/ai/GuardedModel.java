package com.qteria.evaluation.ai;

import com.qteria.evaluation.AiSettings;
import com.qteria.evaluation.LanguageModel;
import com.qteria.evaluation.LanguageModelException;
import com.qteria.evaluation.LanguageModelException.Kind;
import com.qteria.evaluation.ModelPrompt;
import com.qteria.evaluation.ModelReply;
import com.qteria.evaluation.TokenUsage;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every provider behind the same guard (Resilience4j), per instance:
 * <ul>
 * <li><b>Retry</b> — rate limits, overload, server errors, timeouts and lost connections are tried again, at most
 *     {@code maxAttempts} calls in all, after the provider's {@code retry-after} when it gave one, else after an
 *     exponential back-off; both capped at {@code maxBackoff}. Errors that repeating cannot mend (key, permission,
 *     billing, a refused request) are not retried.</li>
 * <li><b>Circuit breaker</b> — when at least half of the last 10 calls (5 at the least) failed in a retryable way,
 *     calls are refused at once for {@link #OPEN_FOR} (30 s), then a few probe calls decide; a provider that is down
 *     is not hammered by every running assessment. A refusal of the call itself (key, permission, billing, a bad
 *     request) is ignored by the breaker, neither failure nor success: it says nothing about whether the provider is
 *     up, and must not hold back other calls. The breaker belongs to this object, one per provider and model
 *     ({@code AiModels}); it measures time by the given clock.</li>
 * <li><b>Rate limiter</b> and <b>bulkhead</b> — at most {@code requestsPerMinute} calls a minute and
 *     {@code maxConcurrentCalls} at the same time; further calls wait their turn (minutes at most).</li>
 * </ul>
 * Each attempt is counted in Prometheus: calls by outcome, tokens by type, US dollars.
 */
public final class GuardedModel implements LanguageModel, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GuardedModel.class);
    /** How long the circuit breaker refuses calls once open, before probe calls decide. */
    public static final Duration OPEN_FOR = Duration.ofSeconds(30);

    private final LanguageModel delegate;
    private final AiSettings settings;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;
    private final Bulkhead bulkhead;
    private final MeterRegistry meters;

    public GuardedModel(LanguageModel delegate, AiSettings settings, MeterRegistry meters) {
        this(delegate, settings, meters, Clock.systemUTC());
    }

    /** With the clock the circuit breaker's open time is measured by. */
    public GuardedModel(LanguageModel delegate, AiSettings settings, MeterRegistry meters, Clock clock) {
        this.delegate = delegate;
        this.settings = settings;
        this.meters = meters;
        String name = delegate.name();
        this.retry = Retry.of(name, RetryConfig.<ModelReply>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof LanguageModelException l && l.kind().retryable())
                .intervalBiFunction((attempt, outcome) -> wait(attempt, outcome.isLeft() ? outcome.getLeft() : null)
                        .toMillis())
                .build());
        this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(OPEN_FOR).permittedNumberOfCallsInHalfOpenState(2)
                .recordException(e -> e instanceof LanguageModelException l && l.kind().retryable())
                .ignoreException(e -> e instanceof LanguageModelException l && l.refused())
                .clock(clock)
                .build());
        this.limiter = RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(settings.requestsPerMinute()).limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ofMinutes(5)).build());
        this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls()).maxWaitDuration(Duration.ofMinutes(10)).build());
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String model() {
        return delegate.model();
    }

    @Override
    public ModelReply complete(ModelPrompt prompt) {
        Supplier<ModelReply> attempt = () -> attempt(prompt);
        Supplier<ModelReply> guarded = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(breaker,
                        RateLimiter.decorateSupplier(limiter, Bulkhead.decorateSupplier(bulkhead, attempt))));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw refused("the circuit breaker is open after repeated provider failures", e);
        } catch (RequestNotPermitted e) {
            throw refused("this instance's requests-per-minute limit was not freed in time", e);
        } catch (BulkheadFullException e) {
            throw refused("this instance's concurrent-call limit was not freed in time", e);
        }
    }

    /** Releases the provider's connections and threads. */
    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private ModelReply attempt(ModelPrompt prompt) {
        try {
            ModelReply reply = delegate.complete(prompt);
            count("success");
            TokenUsage usage = reply.usage();
            tokens("input", usage.inputTokens());
            tokens("output", usage.outputTokens());
            tokens("cache_write", usage.cacheWriteTokens());
            tokens("cache_read", usage.cacheReadTokens());
            Counter.builder("qteria.ai.cost").baseUnit("usd").description("Cost of AI calls in US dollars")
                    .tag("provider", provider()).tag("model", delegate.model()).register(meters)
                    .increment(usage.usd(settings.price()).doubleValue());
            return reply;
        } catch (LanguageModelException e) {
            count(e.kind().name().toLowerCase(java.util.Locale.ROOT));
            Counter.builder("qteria.ai.errors").description("Failed AI calls by kind")
                    .tag("provider", provider()).tag("model", delegate.model())
                    .tag("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT)).register(meters).increment();
            if (e.kind().retryable()) {
                log.warn("AI provider {}: {} ({}); will retry if attempts remain", name(), e.kind(), e.getMessage());
            } else {
                log.error("AI provider {} refused the call: {} ({}). Check the provider's configuration.", name(),
                        e.kind(), e.getMessage());
            }
            throw e;
        }
    }

    /** The wait before the next attempt: the provider's retry-after, or exponential back-off; capped. */
    private Duration wait(int attempt, Throwable failure) {
        Duration max = settings.maxBackoff();
        if (failure instanceof LanguageModelException e && e.retryAfter().isPresent()) {
            Duration asked = e.retryAfter().get();
            return asked.compareTo(max) > 0 ? max : asked;
        }
        Duration backoff = settings.backoff().multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
        return backoff.compareTo(max) > 0 ? max : backoff;
    }

    private LanguageModelException refused(String why, RuntimeException cause) {
        count("unavailable");
        log.warn("AI provider {}: call not made, {}", name(), why);
        return new LanguageModelException(Kind.UNAVAILABLE, why, null, cause);
    }

    private void count(String outcome) {
        Counter.builder("qteria.ai.calls").description("AI calls by outcome")
                .tag("provider", provider()).tag("model", delegate.model()).tag("outcome", outcome)
                .register(meters).increment();
    }

    private void tokens(String type, long count) {
        Counter.builder("qteria.ai.tokens").description("AI tokens by type")
                .tag("provider", provider()).tag("model", delegate.model()).tag("type", type)
                .register(meters).increment(count);
    }

    private String provider() {
        String name = delegate.name();
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }
}
