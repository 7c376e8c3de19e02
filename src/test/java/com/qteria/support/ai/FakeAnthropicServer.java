package com.qteria.support.ai;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Anthropic Messages API ({@code POST /v1/messages}) as far as the evaluation uses it, in its wire format. Like
 * the real API it answers 401 {@code authentication_error} to a request without an {@code x-api-key} header or with
 * a key other than the expected one, and 400
 * {@code invalid_request_error} to a request without {@code anthropic-version}.
 * <p>
 * {@link #baseUrl()} is what {@code ANTHROPIC_BASE_URL} would be: no {@code /v1}.
 */
public final class FakeAnthropicServer extends FakeModelServer {

    public static final String MESSAGES = "/v1/messages";

    private static final AtomicLong IDS = new AtomicLong();

    private final String expectedKey;

    /** Accepts any key, as long as there is one. */
    public FakeAnthropicServer() {
        this(null);
    }

    /** Accepts only this key. */
    public FakeAnthropicServer(String expectedKey) {
        this.expectedKey = expectedKey;
    }

    /** A finished answer ({@code stop_reason} {@code end_turn}) with the usage the API reports. */
    public static FakeResponse text(String answer, long input, long output, long cacheWrite, long cacheRead) {
        return message(answer, "end_turn", input, output, cacheWrite, cacheRead);
    }

    /** An answer cut at {@code max_tokens}. */
    public static FakeResponse truncated(String answer, long input, long output) {
        return message(answer, "max_tokens", input, output, 0, 0);
    }

    /** A message in the API's shape, any stop reason. */
    public static FakeResponse message(String answer, String stopReason, long input, long output, long cacheWrite,
            long cacheRead) {
        ObjectNode message = object();
        message.put("id", "msg_fake" + IDS.incrementAndGet());
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", "claude-fake");
        message.putArray("content").addObject().put("type", "text").put("text", answer);
        message.put("stop_reason", stopReason);
        message.putNull("stop_sequence");
        message.putObject("usage")
                .put("input_tokens", input)
                .put("output_tokens", output)
                .put("cache_creation_input_tokens", cacheWrite)
                .put("cache_read_input_tokens", cacheRead);
        return FakeResponse.json(200, message.toString()).withHeader("request-id", requestId());
    }

    /** An error in the API's shape: {@code {"type":"error","error":{"type":…,"message":…},"request_id":…}}. */
    public static FakeResponse error(int status, String type, String message) {
        String requestId = requestId();
        ObjectNode body = object();
        body.put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        body.put("request_id", requestId);
        return FakeResponse.json(status, body.toString()).withHeader("request-id", requestId);
    }

    /** 429 {@code rate_limit_error} with {@code retry-after} in whole seconds. */
    public static FakeResponse rateLimited(int retryAfterSeconds) {
        return error(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit")
                .withHeader("retry-after", String.valueOf(retryAfterSeconds));
    }

    /** 529 {@code overloaded_error}. */
    public static FakeResponse overloaded() {
        return error(529, "overloaded_error", "Overloaded");
    }

    /** A finished answer after the delay. */
    public static FakeResponse slow(Duration delay) {
        return text("{\"late\":true}", 10, 5, 0, 0).delayedBy(delay);
    }

    /** The first user turn's first block: the documents, where the adapter puts them. */
    public static JsonNode documentsBlock(Recorded request) {
        return request.json().path("messages").path(0).path("content").path(0);
    }

    /** The first user turn's last block's text: the question. */
    public static String question(Recorded request) {
        JsonNode content = request.json().path("messages").path(0).path("content");
        return content.path(content.size() - 1).path("text").asString();
    }

    /** The key the request carried in {@code x-api-key}; {@code null} if none. */
    public static String apiKey(Recorded request) {
        String key = request.header("x-api-key");
        return key == null || key.isEmpty() ? null : key;
    }

    @Override
    protected Optional<FakeResponse> reject(Recorded request) {
        if (!request.method().equals("POST") || !request.pathOnly().equals(MESSAGES)) {
            return Optional.of(error(404, "not_found_error", "Not found: " + request.method() + " " + request.path()));
        }
        String key = apiKey(request);
        if (key == null) {
            return Optional.of(error(401, "authentication_error", "x-api-key header is required"));
        }
        if (expectedKey != null && !expectedKey.equals(key)) {
            return Optional.of(error(401, "authentication_error", "invalid x-api-key"));
        }
        if (request.header("anthropic-version") == null) {
            return Optional.of(error(400, "invalid_request_error", "anthropic-version: header is required"));
        }
        return Optional.empty();
    }

    private static String requestId() {
        return "req_fake" + IDS.incrementAndGet();
    }
}
