package com.qteria.evaluation;

import java.time.Duration;
import java.util.Optional;

/**
 * A model call that failed, classified. {@link Kind#retryable()} kinds are tried again with back-off; the others end
 * the assessment with {@link #plainMessage()}, a sentence a project handler understands, while {@link #getMessage()}
 * carries the operator's detail (status, provider's error type) for the log.
 */
public class LanguageModelException extends RuntimeException {

    public enum Kind {
        RATE_LIMITED(true), OVERLOADED(true), SERVER_ERROR(true), TIMEOUT(true), CONNECTION(true),
        AUTHENTICATION(false), PERMISSION(false), BILLING(false), BAD_REQUEST(false), NOT_FOUND(false),
        /** The circuit breaker is open or the instance's call limits were reached: the provider is not asked. */
        UNAVAILABLE(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    public LanguageModelException(Kind kind, String detail, Duration retryAfter, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public LanguageModelException(Kind kind, String detail) {
        this(kind, detail, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The provider refused the request itself (key, permission, billing, a bad request): asking again later cannot
     * help, so the assessment ends. The other kinds — busy, failing, unreachable, or not asked because the breaker or
     * the limits held the call back — are waited for up to the outage deadline, then leave the criteria needing
     * review ({@link EvaluationPipeline}).
     */
    public boolean refused() {
        return !kind.retryable() && kind != Kind.UNAVAILABLE;
    }

    /** What the provider asked for with {@code retry-after}, if anything. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** For the handler: what happened and what to do. */
    public String plainMessage() {
        return switch (kind) {
            case AUTHENTICATION -> "The AI provider rejected the API key. Ask your administrator to check the AI "
                    + "provider's key; then start the assessment again.";
            case PERMISSION -> "The AI provider refused access to the model. Ask your administrator to check the AI "
                    + "provider's account and model; then start the assessment again.";
            case BILLING -> "The AI provider refused the request because of the account's billing or credit. Ask your "
                    + "administrator to check the AI provider's account; then start the assessment again.";
            case BAD_REQUEST, NOT_FOUND -> "The AI provider refused the request (" + getMessage() + "). Ask your "
                    + "administrator to check the AI configuration (model name, endpoint).";
            case RATE_LIMITED, OVERLOADED, SERVER_ERROR, TIMEOUT, CONNECTION, UNAVAILABLE ->
                    "The AI provider did not answer in time (" + describe() + ").";
        };
    }

    private String describe() {
        return switch (kind) {
            case RATE_LIMITED -> "rate limited";
            case OVERLOADED -> "overloaded";
            case SERVER_ERROR -> "server error";
            case TIMEOUT -> "timed out";
            case CONNECTION -> "not reachable";
            default -> "unavailable";
        };
    }
}
