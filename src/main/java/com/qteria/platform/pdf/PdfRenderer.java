package com.qteria.platform.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
