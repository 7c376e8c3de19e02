package com.qteria.document.job;

import com.qteria.document.extraction.ExtractionLimits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How much of one document the reading job may read; a document beyond either limit is rejected with the reason.
 * Defaults and environment variables are in application.yml.
 *
 * @param maxPages Documents with more pages are rejected with the reason. Environment variable: QTERIA_MAX_PAGES.
 * @param timeout  Reading one document, OCR included, stops after this time; the document is rejected with the
 *                 reason. Environment variable: QTERIA_EXTRACTION_TIMEOUT.
 */
@Validated
@ConfigurationProperties("qteria.extraction")
record ExtractionProperties(@NotNull(message = PAGES) @Min(value = 1, message = PAGES) Integer maxPages,
        @NotNull(message = TIMEOUT) @DurationMin(nanos = 1, message = TIMEOUT) Duration timeout) {

    private static final String PAGES = "a whole number of pages (at least 1)";
    private static final String TIMEOUT = "a positive duration such as 120s, 5m or 1h";

    ExtractionLimits limits() {
        return new ExtractionLimits(maxPages, timeout);
    }
}
