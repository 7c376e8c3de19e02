package com.qteria.evaluation;

import com.qteria.evaluation.ai.GuardedModel;
import com.qteria.evaluation.ai.anthropic.AnthropicModel;
import com.qteria.evaluation.ai.openai.OpenAiCompatibleModel;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** Connects to the configured provider; every model comes behind the same guard (retries, breaker, limits). */
public final class LanguageModels {

    private LanguageModels() {
    }

    /**
     * The model of {@code settings}, guarded; {@code null} when the provider is {@code none}. Create one per
     * instance and provider and keep it: its limits and circuit breaker are per object.
     */
    public static LanguageModel connect(AiSettings settings, MeterRegistry meters) {
        return connect(settings, meters, Clock.systemUTC());
    }

    /** As {@link #connect(AiSettings, MeterRegistry)}, the circuit breaker measuring time by {@code clock}. */
    public static LanguageModel connect(AiSettings settings, MeterRegistry meters, Clock clock) {
        LanguageModel provider = switch (settings.provider()) {
            case AiSettings.ANTHROPIC -> new AnthropicModel(settings);
            case AiSettings.OPENAI -> new OpenAiCompatibleModel(settings);
            default -> null;
        };
        return provider == null ? null : new GuardedModel(provider, settings, meters, clock);
    }
}
