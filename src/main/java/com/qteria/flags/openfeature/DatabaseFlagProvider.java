package com.qteria.flags.openfeature;

import com.qteria.flags.Switchboard;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.TypeMismatchError;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * OpenFeature provider over the switches in the database: a boolean flag is on or off by the {@link Switchboard}'s
 * rule (user, organization, global), else the default the caller passes (the flag's, declared in code). The context
 * carries {@value #ORGANIZATION} and {@value #USER} (UUIDs; the targeting key is the user, else the organization).
 * <p>
 * The switches are read once per {@code ttl} and kept; {@link #invalidate()} drops them at once (the instance that
 * made a change calls it after the commit), so this instance sees a change immediately and every other instance
 * within the TTL. Flags are booleans only: any other type is a type mismatch, which OpenFeature answers with the
 * caller's default.
 */
public class DatabaseFlagProvider implements FeatureProvider {

    public static final String ORGANIZATION = "organization_id";
    public static final String USER = "user_id";

    private final Supplier<Switchboard> source;
    private final long ttlNanos;
    private volatile Cached cached;

    public DatabaseFlagProvider(Supplier<Switchboard> source, Duration ttl) {
        this.source = source;
        this.ttlNanos = ttl.toNanos();
    }

    private record Cached(Switchboard switchboard, long readAt) {
    }

    @Override
    public Metadata getMetadata() {
        return () -> "qteria-database";
    }

    /** The switches as this instance knows them: read again once they are older than the TTL. */
    public Switchboard switchboard() {
        Cached current = cached;
        long now = System.nanoTime();
        if (current == null || now - current.readAt() >= ttlNanos) {
            current = new Cached(source.get(), now);
            cached = current;
        }
        return current.switchboard();
    }

    /** Forget the switches read; the next evaluation reads them again. */
    public void invalidate() {
        cached = null;
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        Optional<Switchboard.Decision> decision = switchboard().decide(key, uuid(ctx, ORGANIZATION), uuid(ctx, USER));
        if (decision.isEmpty()) {
            return ProviderEvaluation.<Boolean>builder().value(defaultValue).reason(Reason.DEFAULT.name()).build();
        }
        boolean on = decision.get().enabled();
        return ProviderEvaluation.<Boolean>builder().value(on).variant(on ? "on" : "off")
                .reason(Reason.TARGETING_MATCH.name())
                .flagMetadata(ImmutableMetadata.builder().addString("scope", decision.get().scope().key()).build())
                .build();
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        throw booleansOnly();
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        throw booleansOnly();
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        throw booleansOnly();
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        throw booleansOnly();
    }

    private static TypeMismatchError booleansOnly() {
        return new TypeMismatchError("Qteria's feature flags are on or off.");
    }

    private static UUID uuid(EvaluationContext ctx, String attribute) {
        Value value = ctx == null ? null : ctx.getValue(attribute);
        if (value == null || !value.isString()) {
            return null;
        }
        try {
            return UUID.fromString(value.asString());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
