package com.qteria.document.extraction;

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

    static Glyph of(TextPosition position) {
        Matrix m = position.getTextMatrix();
        float a = m.getScaleX();
        float b = m.getShearY();
        float c = m.getShearX();
        float d = m.getScaleY();
        float em = (float) Math.hypot(c, d);
        float advance = (float) Math.hypot(a, b);
        float width = Math.max(0, position.getWidthDirAdj());
        float ux = advance == 0 ? 1 : a / advance;
        float uy = advance == 0 ? 0 : b / advance;
        float[] box = displayBox(position, m.getTranslateX(), m.getTranslateY(), ux * width, uy * width, c, d);
        return new Glyph(position.getUnicode(), Math.round(position.getDir()), position.getXDirAdj(),
                position.getYDirAdj(), width, em > 0 ? em : Math.max(1, position.getFontSizeInPt()),
                position.getWidthOfSpace(), box[0], box[1], box[2], box[3]);
    }

    /** The glyph's em box (origin, advance vector, up vector in user space) as a displayed-page rectangle. */
    private static float[] displayBox(TextPosition position, float ox, float oy, float wx, float wy, float ex,
                                      float ey) {
        float[] xs = {ox - DESCENT * ex, ox + wx - DESCENT * ex, ox + ASCENT * ex, ox + wx + ASCENT * ex};
        float[] ys = {oy - DESCENT * ey, oy + wy - DESCENT * ey, oy + ASCENT * ey, oy + wy + ASCENT * ey};
        PageView view = PageView.of(position.getRotation(), position.getPageWidth(), position.getPageHeight());
        float left = 1;
        float top = 1;
        float right = 0;
        float bottom = 0;
        for (int i = 0; i < 4; i++) {
            float dx = view.displayX(xs[i], ys[i]);
            float dy = view.displayY(xs[i], ys[i]);
            left = Math.min(left, dx);
            right = Math.max(right, dx);
            top = Math.min(top, dy);
            bottom = Math.max(bottom, dy);
        }
        return new float[] {clamp(left), clamp(top), clamp(right), clamp(bottom)};
    }

    private static float clamp(float value) {
        return Float.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }
}
