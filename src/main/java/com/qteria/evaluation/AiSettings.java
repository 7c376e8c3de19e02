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
 */
public record AiSettings(String provider, String model, String apiKey, String baseUrl, Duration timeout,
        int maxOutputTokens, int batchSize, int contextBudgetTokens, int maxAttempts, Duration backoff,
        Duration maxBackoff, int maxConcurrentCalls, int requestsPerMinute, Map<String, ModelPrice> prices,
        String effort) {

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
