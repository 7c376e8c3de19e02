package com.qteria.evaluation;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The AI providers this instance is configured for ({@code qteria.ai.*}) and the default one. Endpoints and keys are
 * the operator's configuration only: an organization chooses among the configured providers (or none) and a model,
 * never a URL or a key, so no tenant can point the server at an address of its choosing.
 * <p>
 * One guarded model per provider and model id, kept for the instance's life: their rate limits, concurrency limits and
 * circuit breakers count every assessment of the instance.
 */
@Component
@EnableConfigurationProperties(AiProperties.class)
public class AiModels implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AiModels.class);

    private final AiProperties properties;
    private final Evaluation evaluation;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, AiEvaluation> connected = new ConcurrentHashMap<>();
    private final List<LanguageModel> models = new java.util.concurrent.CopyOnWriteArrayList<>();

    public AiModels(AiProperties properties, Evaluation evaluation, MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.properties = properties;
        this.evaluation = evaluation;
        this.meters = meters;
        settings(properties.provider(), null).ifPresentOrElse(
                s -> log.info("AI provider: {} ({})", s.provider(), s.model()),
                () -> log.info("AI provider: none (criteria without checks need review)"));
    }

    /** The provider used when an organization chose none of its own. */
    public String defaultProvider() {
        return AiSettings.of(properties.provider(), null, null, null).provider();
    }

    /** The providers an organization may choose: {@code none} and those with an endpoint or key configured. */
    public List<String> available() {
        return List.of(AiSettings.NONE, AiSettings.ANTHROPIC, AiSettings.OPENAI).stream()
                .filter(p -> p.equals(AiSettings.NONE) || configured(p)).toList();
    }

    /** The default model of a provider. */
    public String defaultModel(String provider) {
        return settings(provider, null).map(AiSettings::model).orElse("");
    }

    /** The model for {@code provider} ({@code null}: the default) and {@code model} ({@code null}: its default). */
    public Optional<AiEvaluation> evaluation(String provider, String model) {
        return settings(provider == null ? properties.provider() : provider, model)
                .map(s -> connected.computeIfAbsent(s.provider() + "/" + s.model(), key -> {
                    if (!s.prices().containsKey(s.model())) {
                        log.warn("No price configured for AI model {}: its cost is counted as 0 USD "
                                + "(qteria.ai.prices.[{}])", s.model(), s.model());
                    }
                    LanguageModel connectedModel = LanguageModels.connect(s, meters, clock);
                    models.add(connectedModel);
                    return new AiEvaluation(connectedModel, evaluation, s);
                }));
    }

    /** Releases the providers' connections and threads (when the application stops). */
    @Override
    public void close() {
        for (LanguageModel model : models) {
            if (model instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.debug("Closing AI provider {} failed", model.name(), e);
                }
            }
        }
        models.clear();
        connected.clear();
    }

    /** The default provider, one with a key, or an OpenAI-compatible endpoint of one's own (which needs no key). */
    private boolean configured(String provider) {
        if (provider.equals(properties.provider())) {
            return true;
        }
        AiProperties.Provider p = provider.equals(AiSettings.ANTHROPIC) ? properties.anthropic() : properties.openai();
        if (p == null) {
            return false;
        }
        return !blank(p.apiKey()) || provider.equals(AiSettings.OPENAI) && !blank(p.baseUrl())
                && !p.baseUrl().contains("api.openai.com");
    }

    private Optional<AiSettings> settings(String provider, String model) {
        String name = provider == null ? AiSettings.NONE : provider;
        AiSettings base = AiSettings.of(name, null, null, null);
        if (!base.enabled()) {
            return Optional.empty();
        }
        AiProperties.Provider p = name.equals(AiSettings.ANTHROPIC) ? properties.anthropic() : properties.openai();
        Map<String, ModelPrice> prices = new HashMap<>();
        if (properties.prices() != null) {
            properties.prices().forEach((id, price) -> prices.put(id, price.price()));
        }
        return Optional.of(new AiSettings(name, blank(model) ? p.model() : model, p.apiKey(), p.baseUrl(),
                properties.timeout(), properties.maxOutputTokens(), properties.batchSize(),
                properties.contextBudgetTokens(), properties.maxAttempts(), properties.backoff(),
                properties.maxBackoff(), properties.maxConcurrentCalls(), properties.requestsPerMinute(), prices,
                name.equals(AiSettings.ANTHROPIC) ? p.effort() : "", properties.outageDeadline(),
                AiSettings.StructuredOutput.of(p.structuredOutput(), AiSettings.StructuredOutput.JSON_SCHEMA)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
