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
 * @param provider the installation's default provider: {@code none}, {@code anthropic} or {@code openai}
 * @param prices   US dollars per million tokens, by model id
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
        Map<String, @Valid Price> prices) {

    /** One provider's endpoint ({@code base-url}, empty: its public API), key, default model and effort. */
    public record Provider(String apiKey,
            @Pattern(regexp = "(?i)\\s*(https?://\\S+)?\\s*", message = "must be an http:// or https:// URL")
            String baseUrl,
            String model, String effort) {
    }

    /** A model's prices; the cache prices default to the input price. */
    public record Price(@NotNull @PositiveOrZero BigDecimal input, @NotNull @PositiveOrZero BigDecimal output,
            @PositiveOrZero BigDecimal cacheWrite, @PositiveOrZero BigDecimal cacheRead) {

        ModelPrice price() {
            return new ModelPrice(input, output, cacheWrite, cacheRead);
        }
    }

    /**
     * Bound and validated from an environment outside a Spring context (the {@code assess} command), by the same
     * rules as the server's.
     */
    public static AiProperties bind(Environment environment) {
        try (ValidatorFactory validators = Validation.buildDefaultValidatorFactory()) {
            return Binder.get(environment).bindOrCreate("qteria.ai", Bindable.of(AiProperties.class),
                    new ValidationBindHandler(new SpringValidatorAdapter(validators.getValidator())));
        }
    }
}
