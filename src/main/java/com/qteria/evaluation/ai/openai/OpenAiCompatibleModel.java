package com.qteria.evaluation.ai.openai;

import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonField;
import com.openai.core.JsonValue;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import com.qteria.evaluation.AiSettings;
import com.qteria.evaluation.LanguageModel;
import com.qteria.evaluation.LanguageModelException;
import com.qteria.evaluation.LanguageModelException.Kind;
import com.qteria.evaluation.ModelPrompt;
import com.qteria.evaluation.ModelReply;
import com.qteria.evaluation.TokenUsage;
import com.qteria.evaluation.ai.ProviderFailures;
import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Any OpenAI-compatible chat completions endpoint — OpenAI, a self-hosted vLLM or Ollama, Azure OpenAI — through the
 * official {@code openai-java} SDK ({@code POST {base}/chat/completions}), one HTTP request per {@link #complete}
 * call: the SDK's own retries are off ({@code maxRetries(0)}), the evaluation's guard retries every provider alike.
 * <p>
 * Configuration ({@link AiSettings}):
 * <ul>
 * <li>OpenAI: base URL empty (the SDK's {@code https://api.openai.com/v1}), the key, a model such as
 * {@code gpt-4.1-mini}.</li>
 * <li>Self-hosted: the base URL includes {@code /v1} ({@code http://localhost:11434/v1} for Ollama,
 * {@code http://localhost:8000/v1} for vLLM); the key may be empty. The SDK insists on a credential, so an empty key
 * is given to it as a placeholder and the {@code Authorization} header is taken off again before the request leaves:
 * the endpoint sees no key at all rather than a made-up one.</li>
 * <li>Azure OpenAI, when the host ends with {@code .openai.azure.com} (or another Azure OpenAI host the SDK knows:
 * {@code .services.ai.azure.com}, {@code .cognitiveservices.azure.com}, {@code .azure-api.net}): the key is sent as
 * {@code api-key} header ({@link AzureApiKeyCredential}). Base URL {@code https://<resource>.openai.azure.com/openai/v1}
 * uses Azure's v1 API, the model being the deployment name; base URL {@code https://<resource>.openai.azure.com}
 * uses the older route {@code /openai/deployments/<model>/chat/completions?api-version=2024-10-21} (the SDK's latest
 * stable version), the model again being the deployment name. Entra ID tokens are not supported here.</li>
 * </ul>
 * <p>
 * {@code maxRetries(0)} alone is not enough for one request per call: OkHttp, under the SDK, repeats on its own a 503
 * that says {@code retry-after: 0} (and would follow a redirect). The request body is therefore declared one-shot,
 * which turns that off too.
 * <p>
 * Request: {@code temperature} 0 and {@code max_tokens}, which OpenAI's GPT-4 family, vLLM and Ollama all accept
 * (OpenAI's reasoning models want {@code max_completion_tokens} and no temperature; they are not a target here). The
 * documents and the first question travel as one user message, documents first, so the stable prefix (system,
 * documents) comes first for the provider's automatic prefix caching.
 */
public final class OpenAiCompatibleModel implements LanguageModel, AutoCloseable {

    /** Hosts the SDK routes as Azure OpenAI ({@code com.openai.azure.AzureUrlCategory}). */
    private static final List<String> AZURE_HOSTS = List.of(".openai.azure.com", ".services.ai.azure.com",
            ".cognitiveservices.azure.com", ".azure-api.net");
    private static final String NO_KEY = "no-key";

    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final Clock clock;
    private final OpenAIClient client;

    public OpenAiCompatibleModel(AiSettings settings) {
        this(settings, null, Clock.systemUTC());
    }

    /**
     * Through an HTTP proxy ({@code null}: OkHttp's default, the JVM's proxy selector), with the clock an HTTP-date
     * {@code retry-after} is measured from.
     */
    OpenAiCompatibleModel(AiSettings settings, Proxy proxy, Clock clock) {
        this.model = settings.model();
        this.apiKey = settings.apiKey();
        this.timeout = settings.timeout();
        this.clock = clock;
        this.client = client(settings, proxy);
    }

    private static OpenAIClient client(AiSettings settings, Proxy proxy) {
        OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
                .timeout(settings.timeout())
                .maxRetries(0)
                .addInterceptor(OneShotBody::sendOnce);
        if (!settings.baseUrl().isEmpty()) {
            builder.baseUrl(settings.baseUrl());
        }
        if (proxy != null) {
            builder.proxy(proxy);
        }
        if (azure(settings.baseUrl())) {
            if (settings.apiKey().isEmpty()) {
                throw new IllegalArgumentException("Azure OpenAI needs the resource's API key");
            }
            builder.credential(AzureApiKeyCredential.create(settings.apiKey()));
        } else if (settings.apiKey().isEmpty()) {
            builder.apiKey(NO_KEY).addInterceptor(chain -> chain.proceed(
                    chain.request().newBuilder().removeHeader("Authorization").build()));
        } else {
            builder.apiKey(settings.apiKey());
        }
        return builder.build();
    }

    static boolean azure(String baseUrl) {
        try {
            String host = baseUrl.isEmpty() ? null : URI.create(baseUrl).getHost();
            return host != null && AZURE_HOSTS.stream().anyMatch(host.toLowerCase(Locale.ROOT)::endsWith);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return "openai/" + model;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public ModelReply complete(ModelPrompt prompt) {
        try {
            return reply(client.chat().completions().create(request(prompt)));
        } catch (OpenAIServiceException e) {
            throw failure(e);
        } catch (OpenAIIoException e) {
            throw ProviderFailures.transport(name(), e, timeout, apiKey);
        } catch (OpenAIException e) {
            // OpenAIInvalidDataException: a 2xx answer that is not a chat completion.
            throw new LanguageModelException(Kind.SERVER_ERROR, name() + ": unreadable answer ("
                    + ProviderFailures.redact(e.getMessage(), apiKey) + ")", null, e);
        }
    }

    /** Releases the SDK's connection pool and threads. */
    @Override
    public void close() {
        client.close();
    }

    ChatCompletionCreateParams request(ModelPrompt prompt) {
        ChatCompletionCreateParams.Builder request = ChatCompletionCreateParams.builder()
                .model(model)
                .temperature(0.0)
                .maxTokens(prompt.maxOutputTokens());
        if (!prompt.system().isBlank()) {
            request.addSystemMessage(prompt.system());
        }
        request.addUserMessage(firstTurn(prompt));
        for (ModelPrompt.Message message : prompt.messages().subList(1, prompt.messages().size())) {
            switch (message.role()) {
                case USER -> request.addUserMessage(message.text());
                case ASSISTANT -> request.addAssistantMessage(message.text());
            }
        }
        return request.build();
    }

    /** One string, documents first: providers cache the longest stable prefix on their own. */
    private static String firstTurn(ModelPrompt prompt) {
        String question = prompt.messages().getFirst().text();
        return prompt.documents().isBlank() ? question : prompt.documents() + "\n\n" + question;
    }

    /**
     * {@code choices[0]}; the cached prompt tokens are read from the cache, the others are input; OpenAI reports no
     * cache writes. Truncated when {@code finish_reason} is {@code length}.
     */
    private ModelReply reply(ChatCompletion completion) {
        if (completion.choices().isEmpty()) {
            throw new LanguageModelException(Kind.SERVER_ERROR, name() + ": answer without choices");
        }
        ChatCompletion.Choice choice = completion.choices().getFirst();
        String text = choice._message().asKnown().flatMap(message -> message.content()).orElse("");
        boolean truncated = choice._finishReason().asKnown()
                .map(reason -> reason.equals(ChatCompletion.Choice.FinishReason.LENGTH))
                .orElse(false);
        return new ModelReply(text, completion.usage().map(OpenAiCompatibleModel::usage).orElse(TokenUsage.NONE),
                truncated);
    }

    private static TokenUsage usage(CompletionUsage usage) {
        long prompt = count(usage._promptTokens());
        long cached = usage._promptTokensDetails().asKnown()
                .flatMap(details -> details._cachedTokens().asKnown())
                .orElse(0L);
        return new TokenUsage(Math.max(0, prompt - cached), count(usage._completionTokens()), 0, cached);
    }

    private static long count(JsonField<Long> field) {
        return field.asKnown().orElse(0L);
    }

    private LanguageModelException failure(OpenAIServiceException e) {
        int status = e.statusCode();
        ErrorBody error = ErrorBody.of(e);
        Duration retryAfter = ProviderFailures
                .retryAfter(header(e, "retry-after-ms"), header(e, "retry-after"), clock.instant())
                .orElse(null);
        String type = error.code().isEmpty() || error.code().equals(error.type()) ? error.type()
                : error.type() + "/" + error.code();
        String detail = ProviderFailures.detail(name(), status, type, error.message(), header(e, "x-request-id"),
                apiKey);
        return new LanguageModelException(kind(status, error), detail, retryAfter, e);
    }

    /**
     * OpenAI's statuses (<a href="https://platform.openai.com/docs/guides/error-codes">error codes</a>): a 429 for an
     * exhausted quota ({@code insufficient_quota}) is billing, and trying again does not help.
     */
    static Kind kind(int status, ErrorBody error) {
        if (status == 402 || status == 429 && error.about("insufficient_quota")) {
            return Kind.BILLING;
        }
        return switch (status) {
            case 401 -> Kind.AUTHENTICATION;
            case 403 -> Kind.PERMISSION;
            case 404 -> Kind.NOT_FOUND;
            case 408 -> Kind.TIMEOUT;
            case 429 -> Kind.RATE_LIMITED;
            case 503 -> Kind.OVERLOADED;
            default -> status >= 400 && status < 500 ? Kind.BAD_REQUEST : Kind.SERVER_ERROR;
        };
    }

    private static String header(OpenAIServiceException e, String name) {
        List<String> values = e.headers().values(name);
        return values.isEmpty() ? "" : values.getFirst();
    }

    /** The SDK's body, declared one-shot: OkHttp then sends it once, whatever the answer. */
    private static final class OneShotBody extends RequestBody {

        private final RequestBody body;

        private OneShotBody(RequestBody body) {
            this.body = body;
        }

        static Response sendOnce(Interceptor.Chain chain) throws IOException {
            Request request = chain.request();
            if (request.body() == null) {
                return chain.proceed(request);
            }
            return chain.proceed(request.newBuilder().method(request.method(), new OneShotBody(request.body())).build());
        }

        @Override
        public MediaType contentType() {
            return body.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return body.contentLength();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            body.writeTo(sink);
        }

        @Override
        public boolean isOneShot() {
            return true;
        }
    }

    /**
     * The error as OpenAI ({@code {"error":{"message","type","code"}}}), vLLM ({@code {"message","type","code"}}) or
     * Ollama ({@code {"error":"…"}}) send it; empty strings where a part is missing.
     */
    record ErrorBody(String type, String code, String message) {

        static ErrorBody of(OpenAIServiceException e) {
            Object body = plain(e.body());
            Map<?, ?> outer = body instanceof Map<?, ?> map ? map : Map.of();
            Object error = outer.get("error");
            Map<?, ?> fields = error instanceof Map<?, ?> inner ? inner : outer;
            String message = text(fields.get("message"))
                    .or(() -> text(error))
                    .or(() -> text(body))
                    .orElse(fields.isEmpty() ? "" : String.valueOf(body));
            return new ErrorBody(e.type().orElseGet(() -> text(fields.get("type")).orElse("")),
                    e.code().orElseGet(() -> text(fields.get("code")).orElse("")), message);
        }

        boolean about(String what) {
            return type.equals(what) || code.equals(what);
        }

        /** The body as plain Java: maps, lists, strings, numbers; {@code null} when there is none. */
        private static Object plain(JsonValue value) {
            try {
                return value.isMissing() ? null : value.convert(Object.class);
            } catch (RuntimeException e) {
                return null;
            }
        }

        private static Optional<String> text(Object value) {
            return value instanceof String || value instanceof Number ? Optional.of(String.valueOf(value))
                    : Optional.empty();
        }
    }
}
