package com.qteria.document.extraction;

/**
 * Logging for the {@code extract} command, which runs without Spring: without configuration Logback would print
 * PDFBox's debug chatter to standard output, in between the JSON lines. This points Logback at a small
 * configuration (warnings and errors to stderr, PDFBox's parser complaints off: what matters ends up in the
 * extraction warnings). Must run before the first logger is created.
 */
public final class QuietLogging {

    static final String CONFIGURATION = "qteria/extract-logback.xml";

    private QuietLogging() {
    }

    public static void apply() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", CONFIGURATION);
        }
    }
}
