package com.qteria.support.ai;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible chat completions endpoint ({@code POST /v1/chat/completions}) in OpenAI's wire format. Also
 * serves Azure OpenAI's routes ({@code /openai/v1/chat/completions},
 * {@code /openai/deployments/<deployment>/chat/completions?api-version=…}): any POST path ending in
 * {@code /chat/completions}.
 * <p>
 * Created with an expected key it requires it, as {@code Authorization: Bearer <key>} or Azure's {@code api-key}
 * header, and answers 401 {@code invalid_api_key} otherwise; created without, it accepts anything (a self-hosted
 * endpoint).
 * <p>
 * {@link #baseUrl()} follows OpenAI's convention: {@code http://127.0.0.1:PORT/v1}.
 */
public final class FakeOpenAiServer extends FakeModelServer {

    public static final String CHAT_COMPLETIONS = "/v1/chat/completions";

    private static final AtomicLong IDS = new AtomicLong();

    private final String expectedKey;

    /** A self-hosted endpoint: no key required. */
    public FakeOpenAiServer() {
        this(null);
    }

    /** Requires this key. */
    public FakeOpenAiServer(String expectedKey) {
        this.expectedKey = expectedKey;
    }

    @Override
    public String baseUrl() {
        return origin() + "/v1";
    }

    /** A finished answer ({@code finish_reason} {@code stop}); {@code cachedTokens} are part of the prompt tokens. */
    public static FakeResponse text(String answer, long promptTokens, long completionTokens, long cachedTokens) {
        return completion(answer, "stop", promptTokens, completionTokens, cachedTokens);
    }

    /** An answer cut at the output limit ({@code finish_reason} {@code length}). */
    public static FakeResponse truncated(String answer, long promptTokens, long completionTokens) {
        return completion(answer, "length", promptTokens, completionTokens, 0);
    }

    /** A {@code chat.completion} object in OpenAI's shape, any finish reason. */
    public static FakeResponse completion(String answer, String finishReason, long promptTokens,
            long completionTokens, long cachedTokens) {
        ObjectNode completion = object();
        completion.put("id", "chatcmpl-fake" + IDS.incrementAndGet());
        completion.put("object", "chat.completion");
        completion.put("created", 1_760_000_000L);
        completion.put("model", "gpt-fake");
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", answer).putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        ObjectNode usage = completion.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        usage.putObject("prompt_tokens_details").put("cached_tokens", cachedTokens).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
        completion.putNull("system_fingerprint");
        return FakeResponse.json(200, completion.toString()).withHeader("x-request-id", requestId());
    }

    /** An error in OpenAI's shape: {@code {"error":{"message","type","param":null,"code"}}}; {@code code} may be null. */
    public static FakeResponse error(int status, String type, String code, String message) {
        ObjectNode body = object();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return FakeResponse.json(status, body.toString()).withHeader("x-request-id", requestId());
    }

    /** 429 {@code rate_limit_exceeded} with {@code retry-after} in whole seconds. */
    public static FakeResponse rateLimited(int retryAfterSeconds) {
        return error(429, "requests", "rate_limit_exceeded",
                "Rate limit reached for gpt-fake on requests per min (RPM): Limit 3, Used 3, Requested 1.")
                .withHeader("retry-after", String.valueOf(retryAfterSeconds));
    }

    /** 429 {@code insufficient_quota}: the account's credit is used up. */
    public static FakeResponse insufficientQuota() {
        return error(429, "insufficient_quota", "insufficient_quota",
                "You exceeded your current quota, please check your plan and billing details.");
    }

    /** 503: the engine is overloaded. */
    public static FakeResponse overloaded() {
        return error(503, "server_error", null, "The engine is currently overloaded, please try again later");
    }

    /** A finished answer after the delay. */
    public static FakeResponse slow(Duration delay) {
        return text("{\"late\":true}", 10, 5, 0).delayedBy(delay);
    }

    /** The request's messages ({@code [{role, content}, …]}). */
    public static JsonNode messages(Recorded request) {
        return request.json().path("messages");
    }

    /** The content of the first user message: documents, a blank line, the question. */
    public static String firstUserContent(Recorded request) {
        for (JsonNode message : messages(request)) {
            if (message.path("role").asString().equals("user")) {
                return message.path("content").asString();
            }
        }
        return null;
    }

    @Override
    protected Optional<FakeResponse> reject(Recorded request) {
        if (!request.method().equals("POST") || !request.pathOnly().endsWith("/chat/completions")) {
            return Optional.of(error(404, "invalid_request_error", null,
                    "Invalid URL (" + request.method() + " " + request.path() + ")"));
        }
        if (expectedKey == null) {
            return Optional.empty();
        }
        String authorization = request.header("authorization");
        String key = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).strip()
                : request.header("api-key");
        if (key == null || key.isEmpty()) {
            return Optional.of(error(401, "invalid_request_error", null, "You didn't provide an API key. You need to "
                    + "provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer "
                    + "YOUR_KEY)."));
        }
        if (!key.equals(expectedKey)) {
            return Optional.of(error(401, "invalid_request_error", "invalid_api_key",
                    "Incorrect API key provided: " + masked(key) + ". You can find your API key at "
                            + "https://platform.openai.com/account/api-keys."));
        }
        return Optional.empty();
    }

    /** As OpenAI shows a wrong key: its start and end only. */
    private static String masked(String key) {
        return key.length() <= 8 ? "***" : key.substring(0, 4) + "*".repeat(key.length() - 8)
                + key.substring(key.length() - 4);
    }

    private static String requestId() {
        return "req_fake" + IDS.incrementAndGet();
    }
}
