package com.qteria.platform.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import com.qteria.platform.templates.OfflineTemplates;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns a Thymeleaf XHTML template ({@code templates/<name>.xhtml}) into a PDF a recipient can keep: laid out by
 * openhtmltopdf from HTML and CSS (paged media: running headers and footers, page counters), every glyph in an
 * embedded subset of DejaVu Sans or DejaVu Sans Mono (the template must use only the families {@link #SANS} and
 * {@link #MONO}), tagged for screen readers (PDF/UA structure, the document's language and title from
 * {@code <html lang>} and {@code <title>}), and claiming PDF/A-2u with an sRGB output intent, so an archive can
 * render it in twenty years.
 */
@Component
public class PdfRenderer {

    /** The CSS font family of body text. */
    public static final String SANS = "DejaVu Sans";
    /** The CSS font family of quotes, page references and fingerprints. */
    public static final String MONO = "DejaVu Sans Mono";

    private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);
    private static final int GSUB = tag("GSUB");
    private static final int HIDDEN_GSUB = tag("Xsub");
    private static final Pattern NOT_XML = Pattern.compile(
            "[^\\x{9}\\x{A}\\x{D}\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");
    private static final Pattern NOT_XML_REFERENCE = Pattern.compile(
            "&#(0*([0-8]|1[124-9]|2[0-9]|3[01])|[xX]0*([0-8]|[bBcCeEfF]|1[0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF]));");
    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
    private static final List<Font> FACES = List.of(
            new Font(SANS, "DejaVuSans.ttf", 400, FontStyle.NORMAL),
            new Font(SANS, "DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
            new Font(SANS, "DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC),
            new Font(SANS, "DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC),
            new Font(MONO, "DejaVuSansMono.ttf", 400, FontStyle.NORMAL),
            new Font(MONO, "DejaVuSansMono-Bold.ttf", 700, FontStyle.NORMAL));

    private final OfflineTemplates templates;
    private final Map<Font, byte[]> fonts;
    private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    PdfRenderer(OfflineTemplates templates) {
        XRLog.setLoggerImpl(new Slf4jLog());
        this.templates = templates;
        this.fonts = FACES.stream().collect(Collectors.toUnmodifiableMap(f -> f, Font::read));
    }

    /** Template {@code name} (e.g. {@code assessment/report}) with {@code variables}, in {@code locale}, as a PDF. */
    public byte[] render(String name, Locale locale, Map<String, Object> variables) {
        String xhtml = xmlCharactersOnly(templates.render(name + ".xhtml", locale, variables));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .withHtmlContent(xhtml, null)
                .useFastMode()
                .usePdfAConformance(PdfAConformance.PDFA_2_U)
                .usePdfUaAccessibility(true)
                .useColorProfile(srgb)
                .withProducer("Qteria")
                .toStream(pdf);
        fonts.forEach((font, bytes) -> builder.useFont(() -> new ByteArrayInputStream(bytes), font.family(),
                font.weight(), font.style(), true));
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render " + name + " as PDF", e);
        }
        return pdf.toByteArray();
    }

    /**
     * Renders a small page with everything reports use, in the background, once a web-serving instance is ready: the
     * first PDF after a start would otherwise take several times longer than the next ones (class loading, font
     * parsing; docs/BENCHMARKS.md, "PDF report"). A worker serves no reports and skips it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp(ApplicationReadyEvent ready) {
        if ("worker".equals(ready.getApplicationContext().getEnvironment().getProperty("qteria.role"))) {
            return;
        }
        Thread.ofVirtual().name("pdf-warm-up").start(() -> {
            try {
                long started = System.nanoTime();
                render("platform/pdf/warm-up", Locale.ENGLISH, Map.of());
                log.debug("PDF renderer warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Could not warm up the PDF renderer; the first report will be slower", e);
            }
        });
    }

    /**
     * The text without the characters XML 1.0 forbids (control characters but tab, line feed and carriage return;
     * unpaired surrogates; U+FFFE and U+FFFF), raw or as character references: a review comment, criterion name or
     * quote holding one would otherwise make the whole report unreadable to the XML parser.
     */
    static String xmlCharactersOnly(String xhtml) {
        return NOT_XML.matcher(NOT_XML_REFERENCE.matcher(xhtml).replaceAll("")).replaceAll("");
    }

    /**
     * The font with its glyph substitution table (GSUB) hidden under another tag, which no reader looks for. PDFBox
     * applies the table's ligatures as it writes text, so "confidence" would become "con\uFB01dence": text copied or
     * searched in the report, or read by a screen reader or pdftotext, would no longer match the words. A TrueType
     * file starts with a table directory (12 bytes, then 16 per table: tag, checksum, offset, length).
     */
    static byte[] withoutLigatures(byte[] font) {
        ByteBuffer directory = ByteBuffer.wrap(font);
        int tables = Short.toUnsignedInt(directory.getShort(4));
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            if (directory.getInt(record) == GSUB) {
                directory.putInt(record, HIDDEN_GSUB);
            }
        }
        return font;
    }

    private static int tag(String tag) {
        return ByteBuffer.wrap(tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).getInt();
    }

    /**
     * openhtmltopdf's log through SLF4J (as {@code com.openhtmltopdf.<area>}), so it has the application's format and
     * levels; by default it writes to the console in a format of its own, at INFO for every document.
     */
    private static final class Slf4jLog implements XRLogger {

        @Override
        public void log(String where, Level level, String message) {
            log(where, level, message, null);
        }

        @Override
        public void log(String where, Level level, String message, Throwable cause) {
            Logger logger = LoggerFactory.getLogger(where);
            if (level.intValue() >= Level.SEVERE.intValue()) {
                logger.error(message, cause);
            } else if (level.intValue() >= Level.WARNING.intValue()) {
                logger.warn(message, cause);
            } else if (level.intValue() >= Level.INFO.intValue()) {
                logger.debug(message, cause);
            } else {
                logger.trace(message, cause);
            }
        }

        @Override
        public void setLevel(String where, Level level) {
            // The levels are the application's logging configuration.
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
            return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() ? logger.isWarnEnabled()
                    : logger.isDebugEnabled();
        }
    }

    private record Font(String family, String file, int weight, FontStyle style) {

        byte[] read() {
            try (InputStream in = PdfRenderer.class.getResourceAsStream(FONTS + file)) {
                if (in == null) {
                    throw new IllegalStateException("Font " + file + " is missing from the class path");
                }
                return withoutLigatures(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
