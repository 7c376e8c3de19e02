package com.qteria.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is sent to a model. Providers lay it out so that the stable prefix — {@code system}, then {@code documents} —
 * comes first and is marked for prompt caching where the provider supports it (Anthropic: {@code cache_control} on
 * the documents block), so the criteria batches that follow over the same documents reuse it.
 *
 * @param system          the instructions, including how to treat the untrusted documents
 * @param documents       the documents' text, framed as untrusted data; sent at the start of the first user turn
 * @param messages        the conversation after the documents: the first is the user's question (the criteria),
 *                        then possibly a model answer and a user's request to repair it
 * @param maxOutputTokens upper bound of the answer
 * @param cacheDocuments  mark the documents for the provider's prompt cache: when further calls over the same
 *                        documents follow (a cache write costs more than plain input, so a prefix nobody reads again
 *                        is not marked)
 * @param answerSchema    the JSON schema the answer must follow, for providers with structured output (as a JSON
 *                        object of maps and lists); null: none, the prompt says what to answer
 */
public record ModelPrompt(String system, String documents, List<Message> messages, int maxOutputTokens,
        boolean cacheDocuments, Map<String, Object> answerSchema) {

    /** A prompt whose documents are marked for caching. */
    public ModelPrompt(String system, String documents, List<Message> messages, int maxOutputTokens) {
        this(system, documents, messages, maxOutputTokens, true);
    }

    /** A prompt without an answer schema. */
    public ModelPrompt(String system, String documents, List<Message> messages, int maxOutputTokens,
            boolean cacheDocuments) {
        this(system, documents, messages, maxOutputTokens, cacheDocuments, null);
    }

    public ModelPrompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(documents, "documents");
        messages = List.copyOf(messages);
        if (messages.isEmpty() || messages.getFirst().role() != Role.USER) {
            throw new IllegalArgumentException("the conversation starts with the user's question");
        }
    }

    public enum Role { USER, ASSISTANT }

    public record Message(Role role, String text) {
        public Message {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(text, "text");
        }
    }
}
