package com.qteria.document.extraction;

/**
 * Logging for the {@code extract} command, which runs without Spring: without configuration Logback would print
 * PDFBox's debug chatter to standard output, in between the JSON lines. This points Logback at a small
 * configuration (warnings and errors to stderr, PDFBox's parser complaints off: what matters ends up in the
 * extraction warnings), and sends Commons Logging (PDFBox's) nowhere, which also saves starting Logback for a PDF.
 * Must run before the first logger is created; only the command calls it, never the server.
 */
public final class QuietLogging {

    static final String CONFIGURATION = "qteria/extract-logback.xml";
    private static final String COMMONS_LOGGING_FACTORY = "org.apache.commons.logging.LogFactory";
    private static final String NO_OP_LOG = "org.apache.commons.logging.impl.NoOpLog";

    private QuietLogging() {
    }

    public static void apply() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", CONFIGURATION);
        }
        if (System.getProperty(COMMONS_LOGGING_FACTORY) == null) {
            // PDFBox logs through Commons Logging: discard it outright, without starting Logback at all.
            System.setProperty(COMMONS_LOGGING_FACTORY, "org.apache.commons.logging.impl.LogFactoryImpl");
            System.setProperty("org.apache.commons.logging.Log", NO_OP_LOG);
        }
    }

    /** Whether PDFBox's logging goes nowhere (after {@link #apply()}): then nothing needs to cap it. */
    public static boolean pdfBoxSilenced() {
        return NO_OP_LOG.equals(System.getProperty("org.apache.commons.logging.Log"));
    }
}
