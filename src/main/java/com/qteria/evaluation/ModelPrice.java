package com.qteria.evaluation;

import java.math.BigDecimal;
import java.util.Objects;

/** US dollars per million tokens of one model: uncached input, output, prompt-cache writes and reads. */
public record ModelPrice(BigDecimal input, BigDecimal output, BigDecimal cacheWrite, BigDecimal cacheRead) {

    public static final ModelPrice UNKNOWN = new ModelPrice(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO);

    public ModelPrice {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        cacheWrite = cacheWrite == null ? input : cacheWrite;
        cacheRead = cacheRead == null ? input : cacheRead;
    }
}
