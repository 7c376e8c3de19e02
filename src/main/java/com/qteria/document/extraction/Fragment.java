package com.qteria.document.extraction;

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

    /**
     * Writes the words separated by spaces, in logical order: runs of right-to-left words are reversed, and so is
     * the order of runs when most words are right-to-left (an Arabic line with a Latin name in it).
     */
    void writeTo(PageTextBuilder out) {
        List<Word> ordered = logicalOrder();
        for (Word word : ordered) {
            out.space();
            word.writeTo(out);
        }
    }

    private List<Word> logicalOrder() {
        List<List<Word>> runs = new ArrayList<>();
        int rightToLeft = 0;
        Boolean runDirection = null;
        for (Word word : words) {
            boolean rtl = word.rightToLeft();
            rightToLeft += rtl ? 1 : 0;
            if (runDirection == null || runDirection != rtl) {
                runs.add(new ArrayList<>());
                runDirection = rtl;
            }
            runs.get(runs.size() - 1).add(word);
        }
        if (rightToLeft == 0) {
            return words;
        }
        runs.forEach(run -> {
            if (run.get(0).rightToLeft()) {
                Collections.reverse(run);
            }
        });
        if (rightToLeft * 2 > words.size()) {
            Collections.reverse(runs);
        }
        return runs.stream().flatMap(List::stream).toList();
    }
}
