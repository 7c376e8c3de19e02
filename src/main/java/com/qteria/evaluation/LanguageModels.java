package com.qteria.evaluation;

import com.qteria.evaluation.ai.GuardedModel;
import io.micrometer.core.instrument.MeterRegistry;

/** TEMPORARY until providers land. */
public final class LanguageModels {
    private LanguageModels() {
    }
    public static LanguageModel connect(AiSettings settings, MeterRegistry meters) {
        throw new UnsupportedOperationException("providers pending");
    }
}
