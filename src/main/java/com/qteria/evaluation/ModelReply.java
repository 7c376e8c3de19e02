package com.qteria.evaluation;

/**
 * A model's answer to one call.
 *
 * @param text       the answer's text (all text blocks joined)
 * @param usage      what the call consumed, as the provider reported it
 * @param truncated  the answer stopped at the output limit, not by itself
 */
public record ModelReply(String text, TokenUsage usage, boolean truncated) {
}
