package com.qteria.document.persistence;

import com.qteria.document.WordBox;
import java.util.ArrayList;
import java.util.List;

/**
 * The word boxes of a page in a compact text form, {@code start,end,x,y,w,h;…} with coordinates in ten-thousandths of
 * the page (a tenth of a point on A4): a few kilobytes per page instead of a JSON document. Read back for the
 * evidence viewer's highlight.
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

    /** The boxes {@link #encode} wrote; none for null or an empty text. */
    public static List<WordBox> decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return List.of();
        }
        String[] words = encoded.split(";");
        List<WordBox> boxes = new ArrayList<>(words.length);
        for (String word : words) {
            String[] v = word.split(",");
            boxes.add(new WordBox(Integer.parseInt(v[0]), Integer.parseInt(v[1]), page(v[2]), page(v[3]), page(v[4]),
                    page(v[5])));
        }
        return boxes;
    }

    private static float page(String fraction) {
        return Integer.parseInt(fraction) / SCALE;
    }

    private static int fraction(float value) {
        return Math.round(value * SCALE);
    }
}
