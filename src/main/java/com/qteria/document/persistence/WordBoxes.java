package com.qteria.document.persistence;

import com.qteria.document.extraction.WordBox;
import java.util.List;

/**
 * The word boxes of a page in a compact text form, {@code start,end,x,y,w,h;…} with coordinates in ten-thousandths of
 * the page (a tenth of a point on A4): a few kilobytes per page instead of a JSON document.
 */
public final class WordBoxes {

    private static final float SCALE = 10_000f;

    private WordBoxes() {
    }

    public static String encode(List<WordBox> words) {
        if (words.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(words.size() * 32);
        for (WordBox w : words) {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(w.start()).append(',').append(w.end()).append(',')
                    .append(fraction(w.x())).append(',').append(fraction(w.y())).append(',')
                    .append(fraction(w.width())).append(',').append(fraction(w.height()));
        }
        return out.toString();
    }

    private static int fraction(float value) {
        return Math.round(value * SCALE);
    }
}
