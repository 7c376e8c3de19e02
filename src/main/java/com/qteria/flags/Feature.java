package com.qteria.flags;

import java.util.Arrays;
import java.util.Optional;

/**
 * The features that ship behind a flag, each with its key (as the API and the database name it), its default (what
 * everyone gets until someone switches it) and what it hides. A flag leaves this list, and its switches become
 * inert rows, once its feature is released to everyone.
 */
public enum Feature {

    /**
     * The PDF report of a completed assessment: "Download PDF" on the results page, the download on a share link's
     * page, {@code GET /api/v1/assessments/{id}/report.pdf} and {@code /s/{token}/report.pdf}. Off: none of them
     * exists (404). New in this release; enabled for a pilot organization first (docs/feature-flags.md).
     */
    REPORT_PDF("report_pdf", false, "The PDF report of a completed assessment, on the results page, behind share "
            + "links and at …/report.pdf of the API.");

    private final String key;
    private final boolean defaultEnabled;
    private final String description;

    Feature(String key, boolean defaultEnabled, String description) {
        this.key = key;
        this.defaultEnabled = defaultEnabled;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public boolean defaultEnabled() {
        return defaultEnabled;
    }

    public String description() {
        return description;
    }

    public static Optional<Feature> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
