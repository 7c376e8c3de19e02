package com.qteria.evaluation;

/**
 * Port to a large language model (Claude through the Anthropic Messages API, or any OpenAI-compatible chat completions
 * endpoint). One call, one answer: no retries here — retries, the circuit breaker and the rate limits wrap every
 * provider alike ({@link LanguageModels}).
 * <p>
 * Implementations throw {@link LanguageModelException} for every failure, classified so that callers know whether
 * trying again can help.
 */
public interface LanguageModel {

    /** {@code provider/model}, e.g. {@code anthropic/claude-sonnet-5-5}: recorded with every finding and call. */
    String name();

    /** The model id that prices are looked up by. */
    String model();

    ModelReply complete(ModelPrompt prompt);
}
