package com.qteria.document.extraction.pdf;

import com.qteria.document.extraction.PageTextBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Words of one row that belong together: no gap wider than about an em between them. A row of two columns, or of
 * table cells, has one fragment per column or cell.
 */
final class Fragment {

    private final List<Word> words = new ArrayList<>();
    private float x0 = Float.MAX_VALUE;
    private float x1 = -Float.MAX_VALUE;

    void add(Word word) {
        words.add(word);
        x0 = Math.min(x0, word.x0());
        x1 = Math.max(x1, word.x1());
    }

    void absorb(Fragment right) {
        right.words.forEach(this::add);
    }

    float x0() {
        return x0;
    }

    float x1() {
        return x1;
    }

    float center() {
        return (x0 + x1) / 2;
    }

    int wordCount() {
        return words.size();
    }

    int glyphCount() {
        int count = 0;
        for (Word word : words) {
            count += word.glyphs().size();
        }
        return count;
    }

    /** Dot leaders ("Total . . . . . 42"): spaced wide apart, but never a column of their own. */
    boolean leaders() {
        for (Word word : words) {
            for (Glyph glyph : word.glyphs()) {
                for (int i = 0; i < glyph.text().length(); i++) {
                    if (".·…_".indexOf(glyph.text().charAt(i)) < 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Writes the words separated by spaces, in logical order: runs of right-to-left words are reversed, and so is
     * the order of runs when right-to-left words dominate (an Arabic line with a Latin name in it); words without
     * letters (numbers) go with the dominant direction.
     */
    void writeTo(PageTextBuilder out) {
        if (words.stream().noneMatch(Word::mayNeedBidi)) {
            for (Word word : words) {
                out.space();
                word.writeTo(out, false);
            }
            return;
        }
        int rightToLeft = 0;
        int leftToRight = 0;
        for (Word word : words) {
            rightToLeft += word.direction() > 0 ? 1 : 0;
            leftToRight += word.direction() < 0 ? 1 : 0;
        }
        boolean rightToLeftContext = rightToLeft > leftToRight;
        for (Word word : rightToLeft == 0 ? words : logicalOrder(rightToLeftContext)) {
            out.space();
            word.writeTo(out, rightToLeftContext);
        }
    }

    private List<Word> logicalOrder(boolean rightToLeftContext) {
        List<List<Word>> runs = new ArrayList<>();
        Boolean runDirection = null;
        for (Word word : words) {
            boolean rtl = word.direction() > 0 || word.direction() == 0 && rightToLeftContext;
            if (runDirection == null || runDirection != rtl) {
                runs.add(new ArrayList<>());
                runDirection = rtl;
            }
            runs.get(runs.size() - 1).add(word);
        }
        runs.forEach(run -> {
            Word first = run.get(0);
            if (first.direction() > 0 || first.direction() == 0 && rightToLeftContext) {
                Collections.reverse(run);
            }
        });
        if (rightToLeftContext) {
            Collections.reverse(runs);
        }
        return runs.stream().flatMap(List::stream).toList();
    }
}
