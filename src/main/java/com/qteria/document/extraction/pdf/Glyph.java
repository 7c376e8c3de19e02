package com.qteria.document.extraction.pdf;

import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * One glyph of a page's text layer, reduced to what reading order and highlighting need.
 * {@code x}, {@code baseline}, {@code width} and {@code em} are in PDF units in the glyph's own writing direction
 * (y grows downwards), so that lines are horizontal whatever the rotation; the display box
 * ({@code left..bottom}) is in fractions of the page as displayed.
 */
record Glyph(String text, int direction, float x, float baseline, float width, float em, float spaceWidth,
             float left, float top, float right, float bottom) {

    /** Part of the em box above the baseline and below it, used for highlight boxes. */
    private static final float ASCENT = 0.85f;
    private static final float DESCENT = 0.22f;

    float end() {
        return x + width;
    }

    boolean blank() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    static Glyph of(TextPosition position, PageView view) {
        Matrix m = position.getTextMatrix();
        float a = m.getScaleX();
        float b = m.getShearY();
        float c = m.getShearX();
        float d = m.getScaleY();
        float ox = m.getTranslateX();
        float oy = m.getTranslateY();
        int direction = Math.round(position.getDir());
        float pageWidth = position.getPageWidth();
        float pageHeight = position.getPageHeight();
        // TextPosition's getXDirAdj, getYDirAdj and getWidthDirAdj, computed once instead of on every call.
        float x = switch (direction) {
            case 90 -> oy;
            case 180 -> pageWidth - ox;
            case 270 -> pageHeight - oy;
            default -> ox;
        };
        float baseline = switch (direction) {
            case 90 -> ox;
            case 180 -> oy;
            case 270 -> pageWidth - ox;
            default -> pageHeight - oy;
        };
        float width = direction == 90 || direction == 270 ? Math.abs(position.getEndY() - oy)
                : Math.abs(position.getEndX() - ox);
        float em = (float) Math.sqrt(c * c + d * d);
        float advance = (float) Math.sqrt(a * a + b * b);
        float wx = advance == 0 ? width : a / advance * width;
        float wy = advance == 0 ? 0 : b / advance * width;
        float left = 1;
        float top = 1;
        float right = 0;
        float bottom = 0;
        for (int corner = 0; corner < 4; corner++) {
            float up = corner < 2 ? -DESCENT : ASCENT;
            float along = (corner & 1) == 0 ? 0 : 1;
            float px = ox + along * wx + up * c;
            float py = oy + along * wy + up * d;
            float dx = view.displayX(px, py);
            float dy = view.displayY(px, py);
            left = Math.min(left, dx);
            right = Math.max(right, dx);
            top = Math.min(top, dy);
            bottom = Math.max(bottom, dy);
        }
        return new Glyph(position.getUnicode(), direction, x, baseline, width,
                em > 0 ? em : Math.max(1, position.getFontSizeInPt()), position.getWidthOfSpace(),
                clamp(left), clamp(top), clamp(right), clamp(bottom));
    }

    private static float clamp(float value) {
        return Float.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }
}
