package com.qteria.evaluation;

import java.math.BigDecimal;

/**
 * One batch put to a model: its calls (a repair included), their tokens and what they cost at the configured price.
 */
public record AiCall(String model, int calls, TokenUsage usage, BigDecimal usd) {
}
