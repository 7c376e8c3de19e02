package com.qteria.document.extraction.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Glyphs on one baseline across the whole page (or direction group), split into words and into fragments at
 * wide gaps. Superscripts and subscripts stay in their row: the tolerance is half an em of the smaller of the two
 * glyphs compared, measured from the baseline of the row's largest glyph; a line of small print just above a
 * line of large print stays a line of its own (their glyphs would otherwise interleave).
 */
final class Row {

    private static final float BASELINE_TOLERANCE = 0.5f;
    /** A gap wider than this (in em) separates columns or table cells; justified text rarely spaces words so far. */
    private static final float FRAGMENT_GAP = 0.8f;
    /** Glyphs closer than this (in em) with the same text are one glyph drawn twice. */
    private static final float DUPLICATE_OFFSET = 0.15f;

    private final float baseline;
    private final float em;
    private final List<Fragment> fragments;

    private Row(List<Glyph> glyphs) {
        this.baseline = glyphs.get(glyphs.size() / 2).baseline();
        float sum = 0;
        for (Glyph glyph : glyphs) {
            sum += glyph.em();
        }
        this.em = sum / glyphs.size();
        List<Glyph> byX = new ArrayList<>(glyphs);
        byX.sort((a, b) -> Float.compare(a.x(), b.x()));
        this.fragments = segment(byX);
    }

    /** Groups glyphs into rows, top to bottom. */
    static List<Row> group(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort((a, b) -> Float.compare(a.baseline(), b.baseline()));
        List<Row> rows = new ArrayList<>();
        int start = 0;
        Glyph anchor = sorted.isEmpty() ? null : sorted.get(0);
        for (int i = 1; i <= sorted.size(); i++) {
            Glyph glyph = i < sorted.size() ? sorted.get(i) : null;
            if (glyph == null
                    || glyph.baseline() - anchor.baseline() > BASELINE_TOLERANCE * Math.min(anchor.em(), glyph.em())) {
                Row row = new Row(sorted.subList(start, i));
                if (!row.fragments.isEmpty()) {
                    rows.add(row);
                }
                start = i;
                anchor = glyph;
            } else if (glyph.em() > anchor.em() * 1.1f) {
                anchor = glyph; // the row's main text, below a superscript that came first
            }
        }
        return rows;
    }

    float baseline() {
        return baseline;
    }

    float em() {
        return em;
    }

    List<Fragment> fragments() {
        return fragments;
    }

    /** Whether one fragment of this row spans the whole of {@code [from, to]}. */
    boolean covers(float from, float to) {
        for (Fragment fragment : fragments) {
            if (fragment.x0() <= from && fragment.x1() >= to) {
                return true;
            }
        }
        return false;
    }

    /** Joins the fragments left and right of gap {@code index} (between fragment index-1 and index). */
    void closeGap(int index) {
        fragments.get(index - 1).absorb(fragments.remove(index));
    }

    private static List<Fragment> segment(List<Glyph> byX) {
        List<Fragment> result = new ArrayList<>();
        Fragment fragment = null;
        Glyph last = null;
        int wordStart = -1;
        int wordEnd = -1;
        float end = 0;
        boolean space = false;
        for (int i = 0; i < byX.size(); i++) {
            Glyph glyph = byX.get(i);
            if (glyph.blank()) {
                space = true;
                continue;
            }
            if (last != null && duplicate(glyph, last)) {
                continue;
            }
            if (last != null) {
                float gap = glyph.x() - end;
                float em = Math.max(glyph.em(), last.em());
                boolean newFragment = gap > FRAGMENT_GAP * em;
                if (newFragment || space || gap > wordGap(last, em)) {
                    fragment.add(word(byX, wordStart, wordEnd));
                    wordStart = i;
                }
                if (newFragment) {
                    result.add(fragment);
                    fragment = null;
                }
            }
            if (fragment == null) {
                fragment = new Fragment();
                wordStart = i;
                end = glyph.end();
            }
            wordEnd = i + 1;
            end = Math.max(end, glyph.end());
            space = false;
            last = glyph;
        }
        if (fragment != null) {
            fragment.add(word(byX, wordStart, wordEnd));
            result.add(fragment);
        }
        return result;
    }

    /** The same glyph drawn again almost on top of the last one: simulated bold, or a shadow. */
    private static boolean duplicate(Glyph glyph, Glyph last) {
        return glyph.text().equals(last.text()) && Math.abs(glyph.x() - last.x()) < DUPLICATE_OFFSET * last.em()
                && Math.abs(glyph.baseline() - last.baseline()) < DUPLICATE_OFFSET * last.em();
    }

    /** Like PDFBox's stripper: a gap of about half a space (at least a tenth of an em) separates words. */
    private static float wordGap(Glyph last, float em) {
        float space = last.spaceWidth();
        if (!(space >= 0.2f * em && space <= 0.5f * em)) {
            space = Math.max(0.2f * em, Math.min(Float.isNaN(space) ? 0 : space, 0.5f * em));
        }
        return Math.max(0.1f * em, 0.4f * space);
    }

    private static Word word(List<Glyph> byX, int from, int to) {
        float x0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
        for (int i = from; i < to; i++) {
            Glyph glyph = byX.get(i);
            x0 = Math.min(x0, glyph.x());
            x1 = Math.max(x1, glyph.end());
        }
        return new Word(byX.subList(from, to), x0, x1);
    }
}
