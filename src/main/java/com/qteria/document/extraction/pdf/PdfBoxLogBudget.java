package com.qteria.document.extraction.pdf;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import com.qteria.document.extraction.QuietLogging;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps one document from flooding the server's log through PDFBox: while a PDF is read, at most
 * {@value #MAX_MESSAGES} of the messages PDFBox and FontBox log on that thread get through (those the log levels
 * let pass at all); the rest are counted, and one line at the end says how many were dropped. (A file whose forms
 * draw each other made PDFBox log 1.8 GB in two minutes.) A Logback turbo filter, installed on first use and again
 * whenever the logging was reconfigured; where PDFBox's logging is discarded anyway ({@code extract}) it is not.
 */
final class PdfBoxLogBudget {

    static final int MAX_MESSAGES = 20;
    private static final Filter FILTER = new Filter();
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(PdfExtraction.class);

    private PdfBoxLogBudget() {
    }

    /** Counts PDFBox's messages on this thread until the scope is closed. */
    static Scope open() {
        if (QuietLogging.pdfBoxSilenced() || FILTER.counts.get() != null
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new Scope(null);
        }
        synchronized (FILTER) {
            if (!context.getTurboFilterList().contains(FILTER)) {
                FILTER.setContext(context);
                FILTER.start();
                context.addTurboFilter(FILTER);
            }
        }
        Count count = new Count();
        FILTER.counts.set(count);
        return new Scope(count);
    }

    /** Ends the count; logs one line if messages were dropped. */
    record Scope(Count count) implements AutoCloseable {

        @Override
        public void close() {
            if (count == null) {
                return;
            }
            FILTER.counts.remove();
            if (count.dropped > 0) {
                log.warn(String.format(Locale.ROOT, "PDFBox logged %,d more messages while reading one document; "
                        + "they were dropped (at most %d per document)", count.dropped, MAX_MESSAGES));
            }
        }
    }

    static final class Count {
        private int passed;
        private long dropped;
    }

    private static final class Filter extends TurboFilter {

        private final ThreadLocal<Count> counts = new ThreadLocal<>();

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                  Throwable t) {
            Count count = counts.get();
            if (count == null || level == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())
                    || !(logger.getName().startsWith("org.apache.pdfbox.")
                    || logger.getName().startsWith("org.apache.fontbox."))) {
                return FilterReply.NEUTRAL;
            }
            if (count.passed < MAX_MESSAGES) {
                if (format != null) {
                    count.passed++; // a message; null is a question such as isDebugEnabled()
                }
                return FilterReply.NEUTRAL;
            }
            if (format != null) {
                count.dropped++;
            }
            return FilterReply.DENY;
        }
    }
}
