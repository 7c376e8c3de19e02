package com.qteria.document.job;

import com.qteria.document.extraction.ExtractionLimits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How much of one document the reading job may read (a document beyond a limit is rejected with the reason; a page
 * beyond its text cap is cut, with a warning), and how many documents of one organization are read at once. Defaults
 * and environment variables are in application.yml.
 *
 * @param maxPages              Documents with more pages are rejected. Environment variable: QTERIA_MAX_PAGES.
 * @param timeout               Reading one document, OCR included, stops after this time; the document is rejected.
 *                              Environment variable: QTERIA_EXTRACTION_TIMEOUT.
 * @param perOrganization       Documents of one organization read at the same time at most, over all worker
 *                              instances; its other documents wait their turn, so one organization cannot occupy
 *                              every worker. Environment variable: QTERIA_READING_PER_ORGANIZATION.
 * @param maxPageCharacters     A page's text beyond this many characters is cut off, with a warning naming the page.
 *                              Environment variable: QTERIA_MAX_PAGE_CHARACTERS.
 * @param maxDocumentCharacters Documents with more text than this in all are rejected. Environment variable:
 *                              QTERIA_MAX_DOCUMENT_CHARACTERS.
 * @param maxUnpackedMb         Word documents that expand to more megabytes than this when unpacked are rejected
 *                              before they are parsed. Environment variable: QTERIA_MAX_UNPACKED_MB.
 */
@Validated
@ConfigurationProperties("qteria.extraction")
record ExtractionProperties(@NotNull(message = PAGES) @Min(value = 1, message = PAGES) Integer maxPages,
        @NotNull(message = TIMEOUT) @DurationMin(nanos = 1, message = TIMEOUT) Duration timeout,
        @NotNull(message = READINGS) @Min(value = 1, message = READINGS) Integer perOrganization,
        @NotNull(message = CHARACTERS) @Min(value = 1, message = CHARACTERS) Integer maxPageCharacters,
        @NotNull(message = CHARACTERS) @Min(value = 1, message = CHARACTERS) Long maxDocumentCharacters,
        @NotNull(message = MEGABYTES) @Min(value = 1, message = MEGABYTES) Integer maxUnpackedMb) {

    private static final String PAGES = "a whole number of pages (at least 1)";
    private static final String TIMEOUT = "a positive duration such as 120s, 5m or 1h";
    private static final String READINGS = "a whole number of documents (at least 1)";
    private static final String CHARACTERS = "a whole number of characters (at least 1)";
    private static final String MEGABYTES = "a whole number of megabytes (at least 1)";

    ExtractionLimits limits() {
        return new ExtractionLimits(maxPages, timeout, maxPageCharacters, maxDocumentCharacters,
                maxUnpackedMb * 1024L * 1024);
    }
}
