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
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What both provider adapters need to turn a failed call into a {@link LanguageModelException}: the kind of an HTTP
 * error, the provider's error body, its {@code retry-after}, a timeout told apart from an unreachable endpoint, and an
 * operator's detail that never carries the API key.
 */
public final class ProviderFailures {

    /** Provider messages can be long (a whole HTML error page from a gateway); the log needs the start. */
    private static final int MAX_MESSAGE = 300;

    private static final JsonMapper JSON = JsonMapper.shared();

    private ProviderFailures() {
    }

    /**
     * What an HTTP error means, by status and by the provider's error type or code, for both providers
     * (<a href="https://docs.anthropic.com/en/api/errors">Anthropic</a>,
     * <a href="https://platform.openai.com/docs/guides/error-codes">OpenAI</a>): {@code overloaded_error} is
     * overloaded and {@code timeout_error} timed out whatever the status; {@code billing_error} and an exhausted quota
     * ({@code insufficient_quota}, a 429 with OpenAI) are billing, where trying again does not help.
     */
    public static Kind kind(int status, ProviderError error) {
        if (status == 529 || error.about("overloaded_error")) {
            return Kind.OVERLOADED;
        }
        if (status == 402 || error.about("billing_error") || error.about("insufficient_quota")) {
            return Kind.BILLING;
        }
        if (status == 408 || error.about("timeout_error")) {
            return Kind.TIMEOUT;
        }
        return switch (status) {
            case 401 -> Kind.AUTHENTICATION;
            case 403 -> Kind.PERMISSION;
            case 404 -> Kind.NOT_FOUND;
            case 429 -> Kind.RATE_LIMITED;
            default -> status >= 400 && status < 500 ? Kind.BAD_REQUEST : Kind.SERVER_ERROR;
        };
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
     * The error in an HTTP error's body as Anthropic ({@code {"type":"error","error":{"type","message"}}}), OpenAI
     * ({@code {"error":{"message","type","code"}}}), vLLM ({@code {"message","type","code"}}) or Ollama
     * ({@code {"error":"…"}}) send it; a gateway's text or HTML is the message. Empty strings where a part is missing.
     */
    public record ProviderError(String type, String code, String message) {

        public static ProviderError parse(String body) {
            JsonNode json = json(body);
            if (json == null) {
                return new ProviderError("", "", body.strip());
            }
            JsonNode error = json.path("error");
            JsonNode fields = error.isObject() ? error : json;
            String message = text(fields.get("message"))
                    .or(() -> text(error))
                    .or(() -> text(json))
                    .orElse(fields.isObject() && !fields.isEmpty() ? body.strip() : "");
            return new ProviderError(text(fields.get("type")).orElse(""), text(fields.get("code")).orElse(""),
                    message);
        }

        /** {@code type}, or {@code type/code} when the code says more. */
        public String label() {
            return code.isEmpty() || code.equals(type) ? type : type + "/" + code;
        }

        public boolean about(String what) {
            return type.equals(what) || code.equals(what);
        }

        /** The message speaks of the account's credit or billing (Anthropic answers 400 to an empty balance). */
        public boolean aboutBilling() {
            String lower = message.toLowerCase(Locale.ROOT);
            return lower.contains("credit balance") || lower.contains("billing");
        }

        private static JsonNode json(String body) {
            if (body.isBlank()) {
                return null;
            }
            try {
                return JSON.readTree(body);
            } catch (JacksonException e) {
                return null;
            }
        }

        private static Optional<String> text(JsonNode node) {
            return node != null && (node.isString() || node.isNumber()) ? Optional.of(node.asString())
                    : Optional.empty();
        }
    }

    /**
     * The JDK client reports a request timeout as {@link HttpTimeoutException} ({@code HttpConnectTimeoutException}
     * is one); a socket's read timeout is an {@link InterruptedIOException}.
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
