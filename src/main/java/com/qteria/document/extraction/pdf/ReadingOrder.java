package com.qteria.document.extraction.pdf;

import com.qteria.document.extraction.PageTextBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a page's glyphs into reading order, our replacement for PDFTextStripper's {@code writePage}.
 * <ol>
 * <li>Glyphs are grouped by writing direction (rotated labels come after the main text).</li>
 * <li>{@link Row}s: glyphs on one baseline, cut into words and, at gaps wider than about an em, fragments.</li>
 * <li>A gap between fragments counts only if neighbouring rows have white space there too (a column gutter, a
 * table column); a lone wide gap in justified text is closed again, and so is the gap before dot leaders.</li>
 * <li>{@link Band}s: runs of rows with the same gutters, read column by column (prose) or row by row (tables).</li>
 * <li>Lines are separated by a newline, or by a blank line where the vertical gap is clearly larger than the
 * page's usual line spacing (a paragraph).</li>
 * </ol>
 */
final class ReadingOrder {

    private static final float NEIGHBOUR_DISTANCE = 3f;
    private static final float DEFAULT_LINE_SPACING = 1.2f;

    private final List<Row> rows;

    private ReadingOrder(List<Glyph> glyphs) {
        this.rows = Row.group(glyphs);
        closeUnsupportedGaps();
    }

    static void write(List<Glyph> glyphs, PageTextBuilder out) {
        if (oneDirection(glyphs)) {
            new ReadingOrder(glyphs).writeTo(out);
            return;
        }
        Map<Integer, List<Glyph>> byDirection = new HashMap<>();
        for (Glyph glyph : glyphs) {
            byDirection.computeIfAbsent(glyph.direction(), d -> new ArrayList<>()).add(glyph);
        }
        List<List<Glyph>> groups = new ArrayList<>(byDirection.values());
        groups.sort((a, b) -> Integer.compare(b.size(), a.size()));
        for (List<Glyph> group : groups) {
            out.paragraph();
            new ReadingOrder(group).writeTo(out);
        }
    }

    private static boolean oneDirection(List<Glyph> glyphs) {
        for (Glyph glyph : glyphs) {
            if (glyph.direction() != glyphs.get(0).direction()) {
                return false;
            }
        }
        return true;
    }

    private void writeTo(PageTextBuilder out) {
        List<Line> lines = new ArrayList<>();
        for (Band band : bands()) {
            lines.addAll(band.lines());
        }
        float spacing = typicalSpacing(lines);
        Line previous = null;
        for (Line line : lines) {
            if (previous != null) {
                float em = Math.max(previous.em(), line.em());
                float distance = (line.baseline() - previous.baseline()) / em;
                if (distance > spacing * 1.25f + 0.05f) {
                    out.paragraph();
                } else {
                    out.newLine();
                }
            }
            line.writeTo(out);
            previous = line;
        }
    }

    private List<Band> bands() {
        List<Band> bands = new ArrayList<>();
        Band current = null;
        for (Row row : rows) {
            if (current == null || !current.accepts(row)) {
                current = new Band();
                bands.add(current);
            }
            current.add(row);
        }
        return bands;
    }

    /** The median distance between consecutive lines, in em, ignoring jumps to the next column. */
    private static float typicalSpacing(List<Line> lines) {
        float[] distances = new float[lines.size()];
        int count = 0;
        for (int i = 1; i < lines.size(); i++) {
            Line a = lines.get(i - 1);
            Line b = lines.get(i);
            float distance = (b.baseline() - a.baseline()) / Math.max(a.em(), b.em());
            if (distance >= 0.8f && distance <= 3f) {
                distances[count++] = distance;
            }
        }
        if (count == 0) {
            return DEFAULT_LINE_SPACING;
        }
        Arrays.sort(distances, 0, count);
        return distances[count / 2];
    }

    /**
     * A wide gap is a gutter only if, of the (up to two) nearest rows above and below, at least two (or the only
     * one) have white space across it as well. Decided on the rows as found, then applied.
     */
    private void closeUnsupportedGaps() {
        List<int[]> toClose = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            List<Fragment> fragments = row.fragments();
            if (fragments.size() < 2) {
                continue;
            }
            List<Row> neighbours = neighbours(r);
            int required = Math.min(2, neighbours.size());
            for (int i = 1; i < fragments.size(); i++) {
                float from = fragments.get(i - 1).x1();
                float to = fragments.get(i).x0();
                int support = 0;
                for (Row neighbour : neighbours) {
                    support += neighbour.covers(from, to) ? 0 : 1;
                }
                if (required == 0 || support < required || fragments.get(i).leaders()) {
                    toClose.add(new int[] {r, i});
                }
            }
        }
        for (int k = toClose.size() - 1; k >= 0; k--) {
            int[] gap = toClose.get(k);
            rows.get(gap[0]).closeGap(gap[1]);
        }
    }

    private List<Row> neighbours(int index) {
        Row row = rows.get(index);
        List<Row> result = new ArrayList<>(4);
        for (int r = Math.max(0, index - 2); r <= Math.min(rows.size() - 1, index + 2); r++) {
            Row other = rows.get(r);
            if (r != index && Math.abs(other.baseline() - row.baseline()) <= NEIGHBOUR_DISTANCE * row.em()) {
                result.add(other);
            }
        }
        return result;
    }
}
