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
     * The PDF report behind share links: the download on a share link's page and {@code /s/{token}/report.pdf}, for
     * people outside the organization who hold the link. Off: no download on the page, 404 at the address. The
     * organization's switch decides (nobody is signed in on a share link). New in this release, the first PDF that
     * leaves the organization without a person handing it over; enabled for a pilot organization first
     * (docs/feature-flags.md). Signed-in people always have the PDF (results page, API: API.md's contract).
     */
    SHARED_REPORT_PDF("shared_report_pdf", false, "The PDF report behind share links: the download on the shared "
            + "page and /s/{token}/report.pdf.");

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
