package com.qteria.evaluation.ai;

import com.qteria.evaluation.LanguageModelException;
import com.qteria.evaluation.LanguageModelException.Kind;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What both provider adapters need to turn a failed call into a {@link LanguageModelException}: the provider's
 * {@code retry-after}, a timeout told apart from an unreachable endpoint, and an operator's detail that never carries
 * the API key.
 */
public final class ProviderFailures {

    /** Provider messages can be long (a whole HTML error page from a gateway); the log needs the start. */
    private static final int MAX_MESSAGE = 300;

    private ProviderFailures() {
    }

    /**
     * How long the provider asked to wait. {@code retry-after-ms} (OpenAI, milliseconds) is the more precise and wins;
     * {@code retry-after} is seconds, possibly decimal ({@code 1.5}), or an HTTP date. Unreadable or negative values
     * are ignored: the guard's own back-off applies then.
     */
    public static Optional<Duration> retryAfter(String retryAfterMs, String retryAfter, Instant now) {
        return amount(retryAfterMs, 0).or(() -> amount(retryAfter, 3)).or(() -> date(retryAfter, now));
    }

    /** A call that got no HTTP answer: {@code TIMEOUT} when it ran out of time, {@code CONNECTION} otherwise. */
    public static LanguageModelException transport(String name, Throwable failure, Duration timeout, String apiKey) {
        if (timedOut(failure)) {
            return new LanguageModelException(Kind.TIMEOUT, name + ": no answer within " + timeout, null, failure);
        }
        String reason = redact(rootMessage(failure), apiKey);
        return new LanguageModelException(Kind.CONNECTION, name + ": not reachable (" + reason + ")", null, failure);
    }

    /**
     * The operator's detail of an HTTP error: {@code anthropic/claude-x: HTTP 429 rate_limit_error: <message> (request
     * req_1)}. Whatever the provider echoes, the API key is cut out.
     */
    public static String detail(String name, int status, String type, String message, String requestId,
            String apiKey) {
        StringBuilder detail = new StringBuilder(name).append(": HTTP ").append(status);
        if (!type.isBlank()) {
            detail.append(' ').append(type);
        }
        if (!message.isBlank()) {
            detail.append(": ").append(shorten(message.strip()));
        }
        if (!requestId.isBlank()) {
            detail.append(" (request ").append(requestId).append(')');
        }
        return redact(detail.toString(), apiKey);
    }

    /** The text with every occurrence of the key replaced. */
    public static String redact(String text, String apiKey) {
        return apiKey == null || apiKey.isBlank() || text == null ? text : text.replace(apiKey, "[api key]");
    }

    /** On one line, and at most its first 300 characters. */
    public static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
    }

    /**
     * OkHttp reports its call and read timeouts as {@link InterruptedIOException} (a
     * {@link java.net.SocketTimeoutException} is one), the JDK client as {@link HttpTimeoutException}.
     */
    static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException || cause instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** A decimal amount of seconds ({@code shift} 3) or milliseconds ({@code shift} 0). */
    private static Optional<Duration> amount(String value, int shift) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal millis = new BigDecimal(value.strip()).movePointRight(shift);
            return millis.signum() < 0 ? Optional.empty()
                    : Optional.of(Duration.ofMillis(millis.setScale(0, RoundingMode.CEILING).longValueExact()));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> date(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
