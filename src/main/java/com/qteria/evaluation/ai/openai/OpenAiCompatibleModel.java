package com.qteria.evaluation.ai.openai;

import com.qteria.evaluation.AiSettings;
import com.qteria.evaluation.AiSettings.StructuredOutput;
import com.qteria.evaluation.LanguageModelException;
import com.qteria.evaluation.LanguageModelException.Kind;
import com.qteria.evaluation.ModelPrompt;
import com.qteria.evaluation.ModelReply;
import com.qteria.evaluation.TokenUsage;
import com.qteria.evaluation.ai.HttpLanguageModel;
import com.qteria.evaluation.ai.ProviderFailures.ProviderError;
import java.net.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * Any OpenAI-compatible chat completions endpoint — OpenAI, a self-hosted vLLM or Ollama, Azure OpenAI —
 * ({@code POST {base}/chat/completions}), one HTTP request per {@link #complete} call ({@link HttpLanguageModel}).
 * <p>
 * Configuration ({@link AiSettings}):
 * <ul>
 * <li>OpenAI: base URL empty ({@code https://api.openai.com/v1}), the key as {@code Authorization: Bearer}, a model
 * such as {@code gpt-4.1-mini}.</li>
 * <li>Self-hosted: the base URL includes {@code /v1} ({@code http://localhost:11434/v1} for Ollama,
 * {@code http://localhost:8000/v1} for vLLM); the key may be empty, and then no {@code Authorization} header is
 * sent at all.</li>
 * <li>Azure OpenAI, when the host ends with {@code .openai.azure.com} (or another Azure OpenAI host:
 * {@code .services.ai.azure.com}, {@code .cognitiveservices.azure.com}, {@code .azure-api.net}): the key is sent as
 * {@code api-key} header. Base URL {@code https://<resource>.openai.azure.com/openai/v1} uses Azure's v1 API, the
 * model being the deployment name; any other base URL on such a host uses the older route
 * {@code <base>/openai/deployments/<model>/chat/completions?api-version=}{@value #AZURE_API_VERSION} (Azure's latest
 * stable version), the model again being the deployment name. Entra ID tokens are not supported here.</li>
 * </ul>
 * <p>
 * Request: {@code temperature} 0 and {@code max_tokens}, which OpenAI's GPT-4 family, vLLM and Ollama all accept
 * (OpenAI's reasoning models want {@code max_completion_tokens} and no temperature; they are not a target here). The
 * documents and the first question travel as one user message, documents first, so the stable prefix (system,
 * documents) comes first for the provider's automatic prefix caching.
 * <p>
 * Structured output ({@link StructuredOutput}): {@code json-schema} (the default) sends the prompt's answer schema as
 * {@code response_format: {"type": "json_schema", "json_schema": {"name", "strict": true, "schema"}}} (OpenAI, Azure,
 * vLLM and Ollama know it); {@code json-object} sends {@code {"type": "json_object"}}; {@code none} nothing. An
 * endpoint that refuses {@code json_schema} with a 400 naming it is asked again once with {@code json_object}, and one
 * that refuses that too without any; this object remembers it (a warning in the log).
 */
public final class OpenAiCompatibleModel extends HttpLanguageModel {

    static final String AZURE_API_VERSION = "2024-10-21";
    /** The answer schema's name in {@code response_format.json_schema}. */
    static final String SCHEMA_NAME = "criteria_judgements";
    private static final Logger log = LoggerFactory.getLogger(OpenAiCompatibleModel.class);

    private static final String OPENAI_API = "https://api.openai.com/v1";
    private static final List<String> AZURE_HOSTS = List.of(".openai.azure.com", ".services.ai.azure.com",
            ".cognitiveservices.azure.com", ".azure-api.net");

    private final URI completions;
    private final boolean azure;
    private volatile StructuredOutput structured;

    public OpenAiCompatibleModel(AiSettings settings) {
        this(settings, null, Clock.systemUTC());
    }

    /**
     * Through {@code proxy} ({@code null}: the JVM's proxy settings), with the clock an HTTP-date {@code retry-after}
     * is measured from.
     */
    OpenAiCompatibleModel(AiSettings settings, Proxy proxy, Clock clock) {
        super("openai", withAzureKey(settings), OPENAI_API, proxy, clock);
        this.azure = azure(settings.baseUrl());
        this.completions = completions(baseUrl(), settings.model(), azure);
        this.structured = settings.structuredOutput();
    }

    private static AiSettings withAzureKey(AiSettings settings) {
        if (azure(settings.baseUrl()) && settings.apiKey().isEmpty()) {
            throw new IllegalArgumentException("Azure OpenAI needs the resource's API key");
        }
        return settings;
    }

    static boolean azure(String baseUrl) {
        try {
            String host = baseUrl.isEmpty() ? null : URI.create(baseUrl).getHost();
            return host != null && AZURE_HOSTS.stream().anyMatch(host.toLowerCase(Locale.ROOT)::endsWith);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code {base}/chat/completions}, or Azure's deployment route unless the base is Azure's v1 API. */
    private static URI completions(String base, String model, boolean azure) {
        if (!azure || URI.create(base).getPath().endsWith("/openai/v1")) {
            return URI.create(base + "/chat/completions");
        }
        return URI.create(base + "/openai/deployments/" + URLEncoder.encode(model, StandardCharsets.UTF_8)
                + "/chat/completions?api-version=" + AZURE_API_VERSION);
    }

    @Override
    public ModelReply complete(ModelPrompt prompt) {
        ChatCompletion completion = null;
        while (completion == null) {
            StructuredOutput mode = prompt.answerSchema() == null ? StructuredOutput.NONE : structured;
            try {
                completion = post(completions, this::headers, request(prompt, mode), ChatCompletion.class);
            } catch (LanguageModelException e) {
                if (mode == StructuredOutput.NONE || !refusedFeature(e, "response_format", "json_schema",
                        "json_object")) {
                    throw e;
                }
                structured = mode == StructuredOutput.JSON_SCHEMA ? StructuredOutput.JSON_OBJECT : StructuredOutput.NONE;
                log.warn("AI provider {} refused response_format {} ({}); using {} from now on", name(), mode,
                        e.getMessage(), structured);
            }
        }
        if (completion.choices() == null) {
            throw unreadable("a completion without choices");
        }
        if (completion.choices().isEmpty()) {
            throw new LanguageModelException(Kind.SERVER_ERROR, name() + ": answer without choices");
        }
        return reply(completion);
    }

    private void headers(HttpHeaders headers) {
        if (azure) {
            headers.set("api-key", apiKey());
        } else if (!apiKey().isEmpty()) {
            headers.setBearerAuth(apiKey());
        }
    }

    private ChatRequest request(ModelPrompt prompt, StructuredOutput mode) {
        List<ChatMessage> messages = new ArrayList<>();
        if (!prompt.system().isBlank()) {
            messages.add(new ChatMessage("system", prompt.system()));
        }
        messages.add(new ChatMessage("user", firstTurn(prompt)));
        for (ModelPrompt.Message message : prompt.messages().subList(1, prompt.messages().size())) {
            messages.add(new ChatMessage(switch (message.role()) {
                case USER -> "user";
                case ASSISTANT -> "assistant";
            }, message.text()));
        }
        ResponseFormat format = switch (mode) {
            case JSON_SCHEMA -> new ResponseFormat("json_schema", new JsonSchema(SCHEMA_NAME, true,
                    prompt.answerSchema()));
            case JSON_OBJECT -> new ResponseFormat("json_object", null);
            case NONE -> null;
        };
        return new ChatRequest(model(), 0.0, prompt.maxOutputTokens(), messages, format);
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
    private static ModelReply reply(ChatCompletion completion) {
        Choice choice = completion.choices().getFirst();
        String text = choice.message() == null || choice.message().content() == null ? ""
                : choice.message().content();
        return new ModelReply(text, usage(completion.usage()), "length".equals(choice.finishReason()));
    }

    private static TokenUsage usage(Usage usage) {
        if (usage == null) {
            return TokenUsage.NONE;
        }
        long prompt = count(usage.promptTokens());
        long cached = usage.promptTokensDetails() == null ? 0 : count(usage.promptTokensDetails().cachedTokens());
        return new TokenUsage(Math.max(0, prompt - cached), count(usage.completionTokens()), 0, cached);
    }

    private static long count(Long tokens) {
        return Objects.requireNonNullElse(tokens, 0L);
    }

    /** OpenAI's 503 says the engine is overloaded (<a href="https://platform.openai.com/docs/guides/error-codes">error codes</a>). */
    @Override
    protected Kind kind(int status, ProviderError error) {
        return status == 503 ? Kind.OVERLOADED : super.kind(status, error);
    }

    record ChatRequest(String model, double temperature, int maxTokens, List<ChatMessage> messages,
            ResponseFormat responseFormat) {
    }

    record ResponseFormat(String type, JsonSchema jsonSchema) {
    }

    record JsonSchema(String name, boolean strict, Map<String, Object> schema) {
    }

    record ChatMessage(String role, String content) {
    }

    /** The answer, as far as it is read. */
    record ChatCompletion(List<Choice> choices, Usage usage) {
    }

    record Choice(ChatMessage message, String finishReason) {
    }

    record Usage(Long promptTokens, Long completionTokens, PromptTokensDetails promptTokensDetails) {
    }

    record PromptTokensDetails(Long cachedTokens) {
    }
}
