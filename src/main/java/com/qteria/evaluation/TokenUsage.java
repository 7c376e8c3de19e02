package com.qteria.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Tokens of one call or of several added up. {@code inputTokens} are the uncached input tokens; the input written to
 * and read from the provider's prompt cache are counted apart, as they are priced apart.
 */
public record TokenUsage(long inputTokens, long outputTokens, long cacheWriteTokens, long cacheReadTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0);

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cacheWriteTokens + other.cacheWriteTokens, cacheReadTokens + other.cacheReadTokens);
    }

    /** Every input token, cached or not. */
    public long totalInputTokens() {
        return inputTokens + cacheWriteTokens + cacheReadTokens;
    }

    /**
     * What the tokens cost at prices per million tokens.
     */
    public BigDecimal usd(ModelPrice price) {
        BigDecimal total = price.input().multiply(BigDecimal.valueOf(inputTokens))
                .add(price.output().multiply(BigDecimal.valueOf(outputTokens)))
                .add(price.cacheWrite().multiply(BigDecimal.valueOf(cacheWriteTokens)))
                .add(price.cacheRead().multiply(BigDecimal.valueOf(cacheReadTokens)));
        return total.divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.HALF_UP);
    }
}
