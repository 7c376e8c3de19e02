package com.qteria.document.job;

import com.qteria.document.extraction.ExtractionLimits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How much of one document the reading job may read (a document beyond either limit is rejected with the reason), and
 * how many documents of one organization are read at once. Defaults and environment variables are in application.yml.
 *
 * @param maxPages        Documents with more pages are rejected with the reason. Environment variable:
 *                        QTERIA_MAX_PAGES.
 * @param timeout         Reading one document, OCR included, stops after this time; the document is rejected with the
 *                        reason. Environment variable: QTERIA_EXTRACTION_TIMEOUT.
 * @param perOrganization Documents of one organization read at the same time at most, over all worker instances; its
 *                        other documents wait their turn, so one organization cannot occupy every worker. Environment
 *                        variable: QTERIA_READING_PER_ORGANIZATION.
 */
@Validated
@ConfigurationProperties("qteria.extraction")
record ExtractionProperties(@NotNull(message = PAGES) @Min(value = 1, message = PAGES) Integer maxPages,
        @NotNull(message = TIMEOUT) @DurationMin(nanos = 1, message = TIMEOUT) Duration timeout,
        @NotNull(message = READINGS) @Min(value = 1, message = READINGS) Integer perOrganization) {

    private static final String PAGES = "a whole number of pages (at least 1)";
    private static final String TIMEOUT = "a positive duration such as 120s, 5m or 1h";
    private static final String READINGS = "a whole number of documents (at least 1)";

    ExtractionLimits limits() {
        return new ExtractionLimits(maxPages, timeout);
    }
}
