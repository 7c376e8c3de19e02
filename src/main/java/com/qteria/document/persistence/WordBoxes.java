package com.qteria.document.persistence;

import com.qteria.document.extraction.WordBox;
import java.util.ArrayList;
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

    public static List<WordBox> decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return List.of();
        }
        List<WordBox> words = new ArrayList<>();
        for (String word : encoded.split(";")) {
            String[] f = word.split(",");
            words.add(new WordBox(Integer.parseInt(f[0]), Integer.parseInt(f[1]), fraction(f[2]), fraction(f[3]),
                    fraction(f[4]), fraction(f[5])));
        }
        return words;
    }

    private static int fraction(float value) {
        return Math.round(value * SCALE);
    }

    private static float fraction(String value) {
        return Integer.parseInt(value) / SCALE;
    }
}
