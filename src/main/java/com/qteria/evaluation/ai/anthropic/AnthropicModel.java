package com.qteria.evaluation.ai.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonField;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.HttpRequestBody;
import com.anthropic.core.http.Interceptor;
import com.anthropic.errors.AnthropicException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.ErrorType;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.OutputConfig;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlock;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.Usage;
import com.qteria.evaluation.AiSettings;
import com.qteria.evaluation.LanguageModel;
import com.qteria.evaluation.LanguageModelException;
import com.qteria.evaluation.LanguageModelException.Kind;
import com.qteria.evaluation.ModelPrompt;
import com.qteria.evaluation.ModelReply;
import com.qteria.evaluation.TokenUsage;
import com.qteria.evaluation.ai.ProviderFailures;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Claude through the official Anthropic SDK ({@code POST /v1/messages}), one HTTP request per {@link #complete} call:
 * the SDK's own retries are off ({@code maxRetries(0)}), the evaluation's guard retries every provider alike.
 * <p>
 * Layout for prompt caching: {@code system} is one text block, the first user turn is two text blocks — the documents,
 * marked {@code cache_control: ephemeral}, then the question — so that the prefix up to the documents is written to
 * the cache once and read by the following criteria batches over the same documents. Repair turns follow as plain
 * text.
 * <p>
 * No {@code temperature} is sent. SDK 3.x speaks API version {@code 2026-10-21} ({@code anthropic-version} header),
 * which answers 400 to any {@code temperature}, {@code top_p} or {@code top_k}, even a default value, and the SDK no
 * longer offers them; the newest models reject {@code temperature} on the older API version too. Determinism comes
 * from the prompt and from verifying every quote, not from sampling settings.
 * <p>
 * {@code maxRetries(0)} alone is not enough for one request per call: OkHttp, under the SDK, repeats on its own a 503
 * that says {@code retry-after: 0} (and would follow a redirect). A request body that declares itself not repeatable
 * (OkHttp's one-shot body) turns that off too.
 * <p>
 * The key goes out as {@code Authorization: Bearer} (SDK 3.x; the API also accepts {@code x-api-key}). An empty key
 * sends none, for a gateway that authenticates otherwise. Nothing is read from the environment here: the settings are
 * the only source.
 */
public final class AnthropicModel implements LanguageModel, AutoCloseable {

    private static final CacheControlEphemeral CACHED = CacheControlEphemeral.builder().build();

    private final String model;
    private final String effort;
    private final String apiKey;
    private final Duration timeout;
    private final Clock clock;
    private final AnthropicClient client;

    public AnthropicModel(AiSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With the clock an HTTP-date {@code retry-after} is measured from. */
    AnthropicModel(AiSettings settings, Clock clock) {
        this.model = settings.model();
        this.effort = settings.effort();
        this.apiKey = settings.apiKey();
        this.timeout = settings.timeout();
        this.clock = clock;
        this.client = client(settings);
    }

    private static AnthropicClient client(AiSettings settings) {
        AnthropicOkHttpClient.Builder builder = AnthropicOkHttpClient.builder()
                .timeout(settings.timeout())
                .maxRetries(0)
                .addInterceptor(Interceptor.syncOnly((next, request, options) -> next.execute(request.body()
                        .map(body -> request.toBuilder().body(new OneShot(body)).build())
                        .orElse(request), options)));
        if (!settings.apiKey().isEmpty()) {
            builder.apiKey(settings.apiKey());
        }
        if (!settings.baseUrl().isEmpty()) {
            builder.baseUrl(settings.baseUrl());
        }
        return builder.build();
    }

    @Override
    public String name() {
        return "anthropic/" + model;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public ModelReply complete(ModelPrompt prompt) {
        try {
            return reply(client.messages().create(request(prompt)));
        } catch (AnthropicServiceException e) {
            throw failure(e);
        } catch (AnthropicIoException e) {
            throw ProviderFailures.transport(name(), e, timeout, apiKey);
        } catch (AnthropicException e) {
            // AnthropicInvalidDataException: a 2xx answer that is not a message (not JSON, a field of the wrong type).
            throw new LanguageModelException(Kind.SERVER_ERROR, name() + ": unreadable answer ("
                    + ProviderFailures.redact(e.getMessage(), apiKey) + ")", null, e);
        }
    }

    /** Releases the SDK's connection pool and threads. */
    @Override
    public void close() {
        client.close();
    }

    MessageCreateParams request(ModelPrompt prompt) {
        MessageCreateParams.Builder request = MessageCreateParams.builder()
                .model(model)
                .maxTokens(prompt.maxOutputTokens())
                .addUserMessageOfContentBlockParams(firstTurn(prompt));
        if (!effort.isEmpty()) {
            request.outputConfig(OutputConfig.builder().effort(OutputConfig.Effort.of(effort)).build());
        }
        if (!prompt.system().isBlank()) {
            request.systemOfTextBlockParams(List.of(TextBlockParam.builder().text(prompt.system()).build()));
        }
        for (ModelPrompt.Message message : prompt.messages().subList(1, prompt.messages().size())) {
            switch (message.role()) {
                case USER -> request.addUserMessage(message.text());
                case ASSISTANT -> request.addAssistantMessage(message.text());
            }
        }
        return request.build();
    }

    /** The documents, marked for the prompt cache when further calls will read them. */
    private static TextBlockParam documentsBlock(ModelPrompt prompt) {
        TextBlockParam.Builder block = TextBlockParam.builder().text(prompt.documents());
        return prompt.cacheDocuments() ? block.cacheControl(CACHED).build() : block.build();
    }

    /**
     * Documents first, marked for the cache when other calls will read them, then the question. Blocks must not be empty for the API, so empty
     * documents are left out (nothing to cache then).
     */
    private static List<ContentBlockParam> firstTurn(ModelPrompt prompt) {
        List<ContentBlockParam> blocks = new ArrayList<>(2);
        if (!prompt.documents().isBlank()) {
            blocks.add(ContentBlockParam.ofText(documentsBlock(prompt)));
        }
        blocks.add(ContentBlockParam.ofText(prompt.messages().getFirst().text()));
        return blocks;
    }

    /**
     * All text blocks joined (thinking or other blocks are not the answer). Usage counts the API leaves out or sends
     * as {@code null} count 0. Truncated when the output limit stopped the answer, or the context window did.
     */
    static ModelReply reply(Message message) {
        String text = message.content().stream()
                .flatMap(block -> block.text().stream())
                .map(TextBlock::text)
                .collect(Collectors.joining());
        TokenUsage usage = message._usage().asKnown().map(AnthropicModel::usage).orElse(TokenUsage.NONE);
        boolean truncated = message.stopReason()
                .map(reason -> reason.equals(StopReason.MAX_TOKENS)
                        || reason.equals(StopReason.MODEL_CONTEXT_WINDOW_EXCEEDED))
                .orElse(false);
        return new ModelReply(text, usage, truncated);
    }

    private static TokenUsage usage(Usage usage) {
        return new TokenUsage(count(usage._inputTokens()), count(usage._outputTokens()),
                count(usage._cacheCreationInputTokens()), count(usage._cacheReadInputTokens()));
    }

    private static long count(JsonField<Long> field) {
        return field.asKnown().orElse(0L);
    }

    private LanguageModelException failure(AnthropicServiceException e) {
        int status = e.statusCode();
        String type = e.type().map(ErrorType::asString).orElse("");
        String message = e.apiMessage().orElseGet(() -> bodyText(e.body()));
        Duration retryAfter = ProviderFailures
                .retryAfter(header(e, "retry-after-ms"), header(e, "retry-after"), clock.instant())
                .orElse(null);
        String detail = ProviderFailures.detail(name(), status, type, message, header(e, "request-id"), apiKey);
        return new LanguageModelException(kind(status, type, message), detail, retryAfter, e);
    }

    /**
     * The API's statuses and error types
     * (<a href="https://docs.anthropic.com/en/api/errors">errors</a>): a 400 about the credit balance is a billing
     * problem, not a bad request; {@code overloaded_error} is overloaded and {@code timeout_error} (a 504) timed out,
     * whatever the status.
     */
    static Kind kind(int status, String type, String message) {
        if (status == 529 || type.equals("overloaded_error")) {
            return Kind.OVERLOADED;
        }
        if (status == 402 || type.equals("billing_error") || status == 400 && aboutBilling(message)) {
            return Kind.BILLING;
        }
        if (status == 408 || type.equals("timeout_error")) {
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

    private static boolean aboutBilling(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("credit balance") || lower.contains("billing");
    }

    private static String header(AnthropicServiceException e, String name) {
        List<String> values = e.headers().values(name);
        return values.isEmpty() ? "" : values.getFirst();
    }

    /** The SDK's body, declared not repeatable: OkHttp then sends it once, whatever the answer. */
    private record OneShot(HttpRequestBody body) implements HttpRequestBody {

        @Override
        public void writeTo(OutputStream out) {
            body.writeTo(out);
        }

        @Override
        public String contentType() {
            return body.contentType();
        }

        @Override
        public long contentLength() {
            return body.contentLength();
        }

        @Override
        public boolean repeatable() {
            return false;
        }

        @Override
        public void close() {
            body.close();
        }
    }

    /** A body that is no API error: a gateway's text or some other JSON. */
    private static String bodyText(JsonValue body) {
        try {
            Object plain = body.isMissing() ? null : body.convert(Object.class);
            return plain == null ? "" : plain instanceof String text ? text : body.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
