package com.qteria.document.extraction.pdf;

/**
 * Recognises a text layer that "succeeded" but is garbage: fonts whose codes were mapped to the wrong characters.
 * Two signatures are common and cheap to see: East Asian double-byte codes read as Latin-1
 * ({@code ¹ØÓÚºì¾ü×÷Õ½…}), and private-use or replacement characters from symbol-encoded fonts. Real European
 * text has a few per cent of Latin-1 letters (ä, ö, ü, é); these pages have a third or more.
 * A consistently shifted mapping that yields plausible ASCII ({@code 3HQČåQt}) is not caught.
 */
final class TextQuality {

    private static final int MIN_CHARACTERS = 20;
    private static final double MAX_SUSPICIOUS_SHARE = 0.3;

    private TextQuality() {
    }

    static boolean garbled(String text) {
        int visible = 0;
        int latin1 = 0;
        int unusable = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c)) {
                continue;
            }
            visible++;
            if (c >= 0x80 && c <= 0xFF) {
                latin1++;
            } else if (c == 0xFFFD || Character.getType(c) == Character.PRIVATE_USE) {
                unusable++;
            }
        }
        return visible >= MIN_CHARACTERS
                && (latin1 > MAX_SUSPICIOUS_SHARE * visible || unusable > MAX_SUSPICIOUS_SHARE * visible);
    }
}
