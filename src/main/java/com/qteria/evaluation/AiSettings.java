package com.qteria.evaluation;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach a language model and how to use it; built from configuration ({@code qteria.ai.*}, see README) by the
 * server and from the environment by the {@code assess} command.
 *
 * @param provider            {@code none}, {@code anthropic} or {@code openai} (any OpenAI-compatible endpoint)
 * @param model               model id; empty for the provider's default
 * @param apiKey              the provider's key (may be empty for a self-hosted endpoint)
 * @param baseUrl             the provider's endpoint; empty for the provider's public one
 * @param timeout             one call's time limit
 * @param maxOutputTokens     the answer's limit per call
 * @param batchSize           criteria per call at most
 * @param contextBudgetTokens estimated tokens of document text per call at most; above it only the best pages go
 * @param maxAttempts         calls per request at most, the first included, when the provider is busy or failing
 * @param backoff             wait before the second attempt, doubled each time (unless the provider says how long)
 * @param maxBackoff          longest wait between two attempts, also for the provider's {@code retry-after}
 * @param maxConcurrentCalls  calls to the provider at the same time, per instance
 * @param requestsPerMinute   calls to the provider per minute, per instance
 * @param prices              US dollars per million tokens, by model id
 * @param effort              Anthropic's {@code output_config.effort} ({@code low}, {@code medium}, {@code high}…):
 *                            how much the model thinks before answering, billed as output; empty for the model's
 *                            default
 * @param outageDeadline      how long an assessment waits for a provider that is unavailable (its circuit breaker
 *                            open, or failing beyond the retries) before its criteria need review instead
 * @param structuredOutput    how the answer's JSON schema is asked for ({@link StructuredOutput})
 */
public record AiSettings(String provider, String model, String apiKey, String baseUrl, Duration timeout,
        int maxOutputTokens, int batchSize, int contextBudgetTokens, int maxAttempts, Duration backoff,
        Duration maxBackoff, int maxConcurrentCalls, int requestsPerMinute, Map<String, ModelPrice> prices,
        String effort, Duration outageDeadline, StructuredOutput structuredOutput) {

    /** The default of {@code qteria.ai.outage-deadline}. */
    public static final Duration DEFAULT_OUTAGE_DEADLINE = Duration.ofMinutes(10);

    /**
     * How the model is held to the answer's schema: {@code JSON_SCHEMA} sends the schema for the provider's structured
     * output (Anthropic {@code output_config.format}, OpenAI {@code response_format} {@code json_schema}, strict);
     * {@code JSON_OBJECT} asks an OpenAI-compatible endpoint for any JSON object ({@code json_object}) and Anthropic for
     * nothing more than the prompt; {@code NONE} relies on the prompt alone. The answer is checked as strictly
     * whichever is used.
     */
    public enum StructuredOutput {
        JSON_SCHEMA, JSON_OBJECT, NONE;

        /** {@code json-schema}, {@code json-object} or {@code none}, in any case; empty or null: {@code fallback}. */
        public static StructuredOutput of(String value, StructuredOutput fallback) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            return valueOf(value.strip().replace('-', '_').toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Without the outage deadline and structured output: their defaults. */
    public AiSettings(String provider, String model, String apiKey, String baseUrl, Duration timeout,
            int maxOutputTokens, int batchSize, int contextBudgetTokens, int maxAttempts, Duration backoff,
            Duration maxBackoff, int maxConcurrentCalls, int requestsPerMinute, Map<String, ModelPrice> prices,
            String effort) {
        this(provider, model, apiKey, baseUrl, timeout, maxOutputTokens, batchSize, contextBudgetTokens, maxAttempts,
                backoff, maxBackoff, maxConcurrentCalls, requestsPerMinute, prices, effort, DEFAULT_OUTAGE_DEADLINE,
                StructuredOutput.JSON_SCHEMA);
    }

    public static final String NONE = "none";
    public static final String ANTHROPIC = "anthropic";
    public static final String OPENAI = "openai";
    public static final String DEFAULT_ANTHROPIC_MODEL = "claude-sonnet-5-5";
    public static final String DEFAULT_OPENAI_MODEL = "gpt-4.1-mini";

    public AiSettings {
        provider = provider == null || provider.isBlank() ? NONE : provider.strip().toLowerCase(java.util.Locale.ROOT);
        if (!provider.equals(NONE) && !provider.equals(ANTHROPIC) && !provider.equals(OPENAI)) {
            throw new IllegalArgumentException("Unknown AI provider '" + provider + "': use none, anthropic or openai");
        }
        model = model == null || model.isBlank() ? defaultModel(provider) : model.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        outageDeadline = outageDeadline == null ? DEFAULT_OUTAGE_DEADLINE : outageDeadline;
        structuredOutput = structuredOutput == null ? StructuredOutput.JSON_SCHEMA : structuredOutput;
        prices = prices == null ? Map.of() : Map.copyOf(prices);
        effort = effort == null ? "" : effort.strip().toLowerCase(java.util.Locale.ROOT);
        if (batchSize < 1 || maxAttempts < 1 || maxConcurrentCalls < 1 || requestsPerMinute < 1
                || contextBudgetTokens < 1000 || maxOutputTokens < 256) {
            throw new IllegalArgumentException("AI limits must be positive (batch size, attempts, concurrent calls, "
                    + "requests per minute), the context budget at least 1000 tokens, the output at least 256");
        }
    }

    /** The defaults of everything but the provider, model, key and endpoint. */
    public static AiSettings of(String provider, String model, String apiKey, String baseUrl) {
        return new AiSettings(provider, model, apiKey, baseUrl, Duration.ofSeconds(300), 8192, 10, 20_000, 4,
                Duration.ofSeconds(2), Duration.ofSeconds(60), 4, 50, Map.of(), "");
    }

    public boolean enabled() {
        return !provider.equals(NONE);
    }

    public ModelPrice price() {
        return prices.getOrDefault(model, ModelPrice.UNKNOWN);
    }

    private static String defaultModel(String provider) {
        return switch (provider) {
            case ANTHROPIC -> DEFAULT_ANTHROPIC_MODEL;
            case OPENAI -> DEFAULT_OPENAI_MODEL;
            default -> "";
        };
    }
}
