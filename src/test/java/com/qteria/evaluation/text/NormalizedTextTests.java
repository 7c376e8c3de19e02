package com.qteria.evaluation.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.evaluation.text.NormalizedText.Form;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class NormalizedTextTests {

    @Test
    void expandsLigaturesAndFoldsCase() {
        NormalizedText text = NormalizedText.of("Certi\uFB01cate of CONFORMITY, Stra\u00DFe", Form.PHRASES);
        assertThat(text.text()).isEqualTo("certificate of conformity, strasse");
    }

    @Test
    void collapsesWhiteSpaceIncludingNoBreakSpaces() {
        NormalizedText text = NormalizedText.of("  IEC\u00A062368-1\t\t:\n\n 2018 ", Form.PHRASES);
        assertThat(text.text()).isEqualTo("iec 62368-1 : 2018");
    }

    @Test
    void joinsHyphenationAtLineEnds() {
        assertThat(NormalizedText.of("the certifi-\ncation body", Form.PHRASES).text()).isEqualTo("the certification body");
        assertThat(NormalizedText.of("the certifi-  \r\n  cation body", Form.PHRASES).text())
                .isEqualTo("the certification body");
        assertThat(NormalizedText.of("soft certifi\u00ADcation and certifi\u00AD\ncation", Form.PHRASES).text())
                .isEqualTo("soft certification and certification");
    }

    @Test
    void keepsTheHyphenOfCompoundsAndNumbersBrokenAtLineEnds() {
        assertThat(NormalizedText.of("IEC 62368-\n1", Form.PHRASES).text()).isEqualTo("iec 62368-1");
        assertThat(NormalizedText.of("Low-\nVoltage Directive", Form.PATTERNS).text()).isEqualTo("Low-Voltage Directive");
        assertThat(NormalizedText.of("pass -\nthe item", Form.PHRASES).text()).isEqualTo("pass - the item");
    }

    @Test
    void unifiesDashesAndQuotes() {
        assertThat(NormalizedText.of("EN 60601\u20111 \u2013 \u201cquoted\u201d it\u2019s", Form.PHRASES).text())
                .isEqualTo("en 60601-1 - \"quoted\" it's");
    }

    @Test
    void patternsKeepCaseAndLinesKeepLineBreaks() {
        assertThat(NormalizedText.of("Model:  BW-9450\n\nNext", Form.PATTERNS).text()).isEqualTo("Model: BW-9450 Next");
        assertThat(NormalizedText.of("Model:  BW-9450 \n\n Next", Form.LINES).text()).isEqualTo("Model: BW-9450\nNext");
    }

    @Test
    void combiningMarksStayWithTheirLetter() {
        NormalizedText text = NormalizedText.of("Mu\u0308ller", Form.PHRASES);
        assertThat(text.text()).isEqualTo("m\u00FCller");
        Span span = text.toOriginal(1, 2);
        assertThat(text.original().substring(span.start(), span.end())).isEqualTo("u\u0308");
    }

    @Test
    void mapsFoundPhrasesBackToTheStoredText() {
        String stored = "Accredited to ISO/IEC\n17025 by the \uFB01rm's certi-\nfication body";
        NormalizedText text = NormalizedText.of(stored, Form.PHRASES);
        Span found = text.find("iso/iec 17025", true).getFirst();
        Span original = text.toOriginal(found.start(), found.end());
        assertThat(stored.substring(original.start(), original.end())).isEqualTo("ISO/IEC\n17025");
        Span firm = text.toOriginal(text.find("firm's", true).getFirst().start(),
                text.find("firm's", true).getFirst().end());
        assertThat(stored.substring(firm.start(), firm.end())).isEqualTo("\uFB01rm's");
        Span cert = text.toOriginal(text.find("certification", true).getFirst().start(),
                text.find("certification", true).getFirst().end());
        assertThat(stored.substring(cert.start(), cert.end())).isEqualTo("certi-\nfication");
    }

    @Test
    void findsWholeWordsOnly() {
        NormalizedText text = NormalizedText.of("Drafted, not a DRAFT. WARNINGS; IEC 60601-1-2", Form.PHRASES);
        assertThat(text.find("draft", true)).hasSize(1);
        assertThat(text.find("draft", false)).hasSize(2);
        assertThat(text.find("warning", true)).isEmpty();
        assertThat(text.find("iec 60601-1", true)).hasSize(1);
    }

    private static final List<String> PIECES = List.of("a", "B", "z", "\u00DF", "\uFB01", "\uFB02", "-", "-\n", " ",
            "\u00A0", "\t", "\n", "\r\n", "\u00AD", "\u200B", "e\u0301", "\u00C4", "1", "9", ".", ":", "\u2013",
            "\u201C", "\uD835\uDC00", "\u2460", "\uFF21", "\u0130", "IEC", "cation");

    /** The offset map: monotone, inside the stored text, and every normalised range maps to text that normalises to it. */
    @RepeatedTest(300)
    void everyNormalisedRangeMapsToStoredTextThatNormalisesToIt() {
        Random random = new Random();
        StringBuilder stored = new StringBuilder();
        int pieces = random.nextInt(40);
        for (int i = 0; i < pieces; i++) {
            stored.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        for (Form form : Form.values()) {
            NormalizedText text = NormalizedText.of(stored.toString(), form);
            String normalized = text.text();
            int previousStart = 0;
            for (int i = 0; i < normalized.length(); i++) {
                Span span = text.toOriginal(i, i + 1);
                assertThat(span.start()).isGreaterThanOrEqualTo(previousStart);
                assertThat(span.end()).isLessThanOrEqualTo(stored.length()).isGreaterThan(span.start());
                previousStart = span.start();
            }
            if (normalized.isEmpty()) {
                continue;
            }
            int from = random.nextInt(normalized.length());
            int to = from + 1 + random.nextInt(normalized.length() - from);
            Span span = text.toOriginal(from, to);
            String slice = stored.substring(span.start(), span.end());
            // The hyphen rule looks at the letter before a line-end hyphen: a slice can lose that context and then
            // differs only in white space around the hyphen.
            assertThat(squash(NormalizedText.of(slice, form).text()))
                    .as("stored %s, form %s, range [%d,%d)", escape(stored.toString()), form, from, to)
                    .contains(squash(normalized.substring(from, to)));
        }
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.append(cp < 128 && cp >= 32 ? String.valueOf((char) cp) : String.format("\\u%04X", cp)));
        return out.toString();
    }
}
