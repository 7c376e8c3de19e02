package com.qteria.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.core.env.Environment;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * {@code qteria.ai.*}: the providers this instance may call and the limits of every call (README, <i>AI
 * evaluation</i>; defaults and environment variables in {@code application.yml}). Validated when bound: a value out of
 * range stops the start instead of failing the first assessment.
 *
 * @param provider             The installation's default AI provider: none, anthropic or openai (any
 *                             OpenAI-compatible endpoint). Environment variable: QTERIA_AI_PROVIDER.
 * @param anthropic            Anthropic's Messages API: key (ANTHROPIC_API_KEY), base URL (ANTHROPIC_BASE_URL),
 *                             model (QTERIA_ANTHROPIC_MODEL), effort (QTERIA_ANTHROPIC_EFFORT) and structured output
 *                             (QTERIA_ANTHROPIC_STRUCTURED_OUTPUT).
 * @param openai               An OpenAI-compatible endpoint: key (QTERIA_OPENAI_API_KEY), base URL
 *                             (QTERIA_OPENAI_BASE_URL), model (QTERIA_OPENAI_MODEL) and structured output
 *                             (QTERIA_OPENAI_STRUCTURED_OUTPUT).
 * @param timeout              How long one AI call may take. Environment variable: QTERIA_AI_TIMEOUT.
 * @param maxOutputTokens      The answer's limit per call, thinking included. Environment variable:
 *                             QTERIA_AI_MAX_OUTPUT_TOKENS.
 * @param batchSize            Criteria per call at most. Environment variable: QTERIA_AI_BATCH_SIZE.
 * @param contextBudgetTokens  Estimated document tokens per call at most; larger documents send their most relevant
 *                             pages. Environment variable: QTERIA_AI_CONTEXT_BUDGET.
 * @param maxAttempts          Calls per request at most, the first included, on rate limits, overload, 5xx and
 *                             timeouts.
 * @param backoff              The first wait before a retry; it doubles.
 * @param maxBackoff           The longest wait before a retry.
 * @param maxConcurrentCalls   AI calls at once per instance. Environment variable: QTERIA_AI_MAX_CONCURRENT.
 * @param requestsPerMinute    AI calls per minute per instance. Environment variable:
 *                             QTERIA_AI_REQUESTS_PER_MINUTE.
 * @param prices               US dollars per million tokens (input, output, cache write, cache read), by model id.
 * @param outageDeadline       How long an assessment waits for an AI provider that is unavailable (its circuit breaker
 *                             open, or failing beyond the retries), trying again, before the criteria concerned need
 *                             review. Environment variable: QTERIA_AI_OUTAGE_DEADLINE.
 */
@Validated
@ConfigurationProperties("qteria.ai")
public record AiProperties(
        @Pattern(regexp = "(?i)\\s*(none|anthropic|openai)?\\s*",
                message = "must be none, anthropic or openai") String provider,
        @Valid Provider anthropic,
        @Valid Provider openai,
        @NotNull @DurationMin(millis = 1) Duration timeout,
        @Min(256) int maxOutputTokens,
        @Positive int batchSize,
        @Min(1000) int contextBudgetTokens,
        @Positive int maxAttempts,
        @NotNull @DurationMin(millis = 0) Duration backoff,
        @NotNull @DurationMin(millis = 0) Duration maxBackoff,
        @Positive int maxConcurrentCalls,
        @Positive int requestsPerMinute,
        Map<String, @Valid Price> prices,
        @DurationMin(millis = 0) Duration outageDeadline) {

    public AiProperties {
        outageDeadline = outageDeadline == null ? AiSettings.DEFAULT_OUTAGE_DEADLINE : outageDeadline;
    }

    /**
     * One provider's endpoint, key, default model and effort.
     *
     * @param apiKey  The provider's API key (never logged).
     * @param baseUrl The endpoint; empty for the provider's public API.
     * @param model   The model criteria are put to unless an organization chooses another.
     * @param effort  How much the model thinks before answering: low, medium, high; empty for the model's default.
     * @param structuredOutput How the answer's schema is asked for: json-schema (the provider's structured output,
     *                the default), json-object (any JSON object; OpenAI-compatible endpoints without json_schema) or
     *                none (the prompt alone).
     */
    public record Provider(String apiKey,
            @Pattern(regexp = "(?i)\\s*(https?://\\S+)?\\s*", message = "must be an http:// or https:// URL")
            String baseUrl,
            String model, String effort,
            @Pattern(regexp = "(?i)\\s*(json-schema|json-object|none)?\\s*",
                    message = "must be json-schema, json-object or none") String structuredOutput) {
    }

    /**
     * A model's prices in US dollars per million tokens; the cache prices default to the input price.
     *
     * @param input      Uncached input tokens.
     * @param output     Output tokens, thinking included.
     * @param cacheWrite Input tokens written to the provider's prompt cache.
     * @param cacheRead  Input tokens read from the provider's prompt cache.
     */
    public record Price(@NotNull @PositiveOrZero BigDecimal input, @NotNull @PositiveOrZero BigDecimal output,
            @PositiveOrZero BigDecimal cacheWrite, @PositiveOrZero BigDecimal cacheRead) {

        ModelPrice price() {
            return new ModelPrice(input, output, cacheWrite, cacheRead);
        }
    }

    /**
     * Bound from an environment outside a Spring context (the {@code assess} command) and, when a provider is
     * configured, validated by the same rules as the server's. Decision: without a provider the command uses none of
     * these settings, and starting the bean validator would cost it about a second (some 600 classes).
     */
    public static AiProperties bind(Environment environment) {
        Bindable<AiProperties> target = Bindable.of(AiProperties.class);
        AiProperties bound = Binder.get(environment).bindOrCreate("qteria.ai", target);
        String provider = bound.provider() == null ? "" : bound.provider().strip();
        if (provider.isEmpty() || "none".equalsIgnoreCase(provider)) {
            return bound;
        }
        try (ValidatorFactory validators = Validation.buildDefaultValidatorFactory()) {
            return Binder.get(environment).bindOrCreate("qteria.ai", target,
                    new ValidationBindHandler(new SpringValidatorAdapter(validators.getValidator())));
        }
    }
}
