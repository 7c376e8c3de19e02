package com.qteria.evaluation.ai.anthropic;

import com.qteria.evaluation.AiSettings;
import com.qteria.evaluation.AiSettings.StructuredOutput;
import com.qteria.evaluation.LanguageModelException;
import com.qteria.evaluation.LanguageModelException.Kind;
import com.qteria.evaluation.ModelPrompt;
import com.qteria.evaluation.ModelReply;
import com.qteria.evaluation.TokenUsage;
import com.qteria.evaluation.ai.HttpLanguageModel;
import com.qteria.evaluation.ai.ProviderFailures.ProviderError;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * Claude through the Anthropic Messages API ({@code POST {base}/v1/messages}, API version {@value #API_VERSION}), one
 * HTTP request per {@link #complete} call ({@link HttpLanguageModel}).
 * <p>
 * Layout for prompt caching: {@code system} is one text block, the first user turn is two text blocks — the documents,
 * marked {@code cache_control: ephemeral}, then the question — so that the prefix up to the documents is written to
 * the cache once and read by the following criteria batches over the same documents. Repair turns follow as plain
 * text.
 * <p>
 * No {@code temperature} is sent: the newest models reject it. Determinism comes from the prompt and from verifying
 * every quote, not from sampling settings. The effort, when configured, goes as {@code output_config.effort}.
 * <p>
 * Structured output ({@link StructuredOutput#JSON_SCHEMA}, the default): the prompt's answer schema goes as
 * {@code output_config.format} ({@code {"type": "json_schema", "schema": …}}, generally available, no beta header), so
 * the model's text is JSON of that schema. An endpoint that refuses it with a 400 naming the field (an older gateway)
 * is asked again once without it, and not sent it again by this object (a warning in the log).
 * <p>
 * The key goes out as {@code x-api-key}. An empty key sends none, for a gateway that authenticates otherwise. Nothing
 * is read from the environment here: the settings are the only source.
 */
public final class AnthropicModel extends HttpLanguageModel {

    /** The API version this adapter's requests and answers follow. */
    static final String API_VERSION = "2023-06-01";

    private static final String ANTHROPIC_API = "https://api.anthropic.com";
    private static final CacheControl EPHEMERAL = new CacheControl("ephemeral");
    private static final Logger log = LoggerFactory.getLogger(AnthropicModel.class);

    private final URI messages;
    private final String effort;
    private volatile boolean structured;

    public AnthropicModel(AiSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With the clock an HTTP-date {@code retry-after} is measured from. */
    AnthropicModel(AiSettings settings, Clock clock) {
        super("anthropic", settings, ANTHROPIC_API, null, clock);
        this.messages = URI.create(baseUrl() + "/v1/messages");
        this.effort = settings.effort();
        this.structured = settings.structuredOutput() == StructuredOutput.JSON_SCHEMA;
    }

    @Override
    public ModelReply complete(ModelPrompt prompt) {
        Message message;
        boolean withSchema = structured && prompt.answerSchema() != null;
        try {
            message = post(messages, this::headers, request(prompt, withSchema), Message.class);
        } catch (LanguageModelException e) {
            if (!withSchema || !refusedFeature(e, "output_config", "json_schema", "structured output")) {
                throw e;
            }
            structured = false;
            log.warn("AI provider {} refused structured output ({}); asking for JSON by the prompt alone from now on",
                    name(), e.getMessage());
            message = post(messages, this::headers, request(prompt, false), Message.class);
        }
        if (message.content() == null) {
            throw unreadable("a message without content");
        }
        return reply(message);
    }

    private void headers(HttpHeaders headers) {
        headers.set("anthropic-version", API_VERSION);
        if (!apiKey().isEmpty()) {
            headers.set("x-api-key", apiKey());
        }
    }

    private MessagesRequest request(ModelPrompt prompt, boolean withSchema) {
        List<Turn> turns = new ArrayList<>();
        turns.add(new Turn("user", firstTurn(prompt)));
        for (ModelPrompt.Message message : prompt.messages().subList(1, prompt.messages().size())) {
            turns.add(new Turn(switch (message.role()) {
                case USER -> "user";
                case ASSISTANT -> "assistant";
            }, message.text()));
        }
        List<TextBlock> system = prompt.system().isBlank() ? null : List.of(new TextBlock(prompt.system(), null));
        Format format = withSchema ? new Format("json_schema", prompt.answerSchema()) : null;
        OutputConfig output = effort.isEmpty() && format == null ? null
                : new OutputConfig(effort.isEmpty() ? null : effort, format);
        return new MessagesRequest(model(), prompt.maxOutputTokens(), system, turns, output);
    }

    /**
     * Documents first, marked for the cache when other calls will read them, then the question. Blocks must not be
     * empty for the API, so empty documents are left out (nothing to cache then).
     */
    private static List<TextBlock> firstTurn(ModelPrompt prompt) {
        List<TextBlock> blocks = new ArrayList<>(2);
        if (!prompt.documents().isBlank()) {
            blocks.add(new TextBlock(prompt.documents(), prompt.cacheDocuments() ? EPHEMERAL : null));
        }
        blocks.add(new TextBlock(prompt.messages().getFirst().text(), null));
        return blocks;
    }

    /**
     * All text blocks joined (thinking or other blocks are not the answer). Usage counts the API leaves out or sends
     * as {@code null} count 0. Truncated when the output limit stopped the answer, or the context window did.
     */
    private static ModelReply reply(Message message) {
        String text = message.content().stream()
                .filter(block -> "text".equals(block.type()) && block.text() != null)
                .map(ContentBlock::text)
                .collect(Collectors.joining());
        Usage usage = message.usage();
        TokenUsage tokens = usage == null ? TokenUsage.NONE
                : new TokenUsage(count(usage.inputTokens()), count(usage.outputTokens()),
                        count(usage.cacheCreationInputTokens()), count(usage.cacheReadInputTokens()));
        boolean truncated = "max_tokens".equals(message.stopReason())
                || "model_context_window_exceeded".equals(message.stopReason());
        return new ModelReply(text, tokens, truncated);
    }

    private static long count(Long tokens) {
        return Objects.requireNonNullElse(tokens, 0L);
    }

    /** A 400 about the credit balance is a billing problem, not a bad request. */
    @Override
    protected Kind kind(int status, ProviderError error) {
        return status == 400 && error.aboutBilling() ? Kind.BILLING : super.kind(status, error);
    }

    /** The request body: {@code system} and the first turn's content are text blocks, repair turns plain text. */
    record MessagesRequest(String model, int maxTokens, List<TextBlock> system, List<Turn> messages,
            OutputConfig outputConfig) {
    }

    /** {@code content} is a list of {@link TextBlock}s or a string. */
    record Turn(String role, Object content) {
    }

    record TextBlock(String type, String text, CacheControl cacheControl) {

        TextBlock(String text, CacheControl cacheControl) {
            this("text", text, cacheControl);
        }
    }

    record CacheControl(String type) {
    }

    record OutputConfig(String effort, Format format) {
    }

    /** {@code output_config.format}: the JSON schema the answer's text follows. */
    record Format(String type, Map<String, Object> schema) {
    }

    /** The answer, as far as it is read: content blocks, why it stopped, the usage. */
    record Message(List<ContentBlock> content, String stopReason, Usage usage) {
    }

    /** A text block's {@code text}; other blocks ({@code thinking} …) carry none of interest. */
    record ContentBlock(String type, String text) {
    }

    record Usage(Long inputTokens, Long outputTokens, Long cacheCreationInputTokens, Long cacheReadInputTokens) {
    }
}
