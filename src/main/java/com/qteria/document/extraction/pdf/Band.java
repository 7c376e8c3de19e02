package com.qteria.document.extraction.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive rows sharing one column structure: the x-ranges their fragments cover, and the vertical gutters
 * between them. A row that puts text into a gutter starts a new band, and so does a row that brings the first
 * gutter where a single-column band has text (two columns below a full-width title). Once a band has columns,
 * a row with a gap inside one column (a label and its value, a code listing with line numbers) stays in it.
 * <p>
 * The x-ranges of a band are then grouped: text columns are read one after the other, the cells of a table (or
 * a form, or a list of label and value) row by row.
 */
final class Band {

    private static final int MIN_PROSE_WORDS = 3;
    private static final double MIN_PROSE_SHARE = 0.7;
    private static final int MIN_COLUMN_ROWS = 3;
    private static final double MIN_ALONE_SHARE = 0.3;
    private static final double MIN_ALIGNED_SHARE = 0.6;
    private static final double MIN_CELL_START_SHARE = 0.5;
    /** A line ending this far (share of the column width) before the column's right edge is a short one. */
    private static final float SHORT_LINE = 0.15f;
    /** Baseline distance (in em) above which a line starts a new paragraph (or table row) within a column. */
    private static final float PARAGRAPH_GAP = 1.75f;

    private final List<Row> rows = new ArrayList<>();
    /** Sorted, disjoint x-ranges covered by the rows' fragments. */
    private final List<float[]> ranges = new ArrayList<>();

    boolean accepts(Row row) {
        if (rows.isEmpty()) {
            return true;
        }
        List<Fragment> fragments = row.fragments();
        for (int i = 1; i < fragments.size() && ranges.size() == 1; i++) {
            if (covered(fragments.get(i - 1).x1(), fragments.get(i).x0())) {
                return false;
            }
        }
        for (Fragment fragment : fragments) {
            if (crossesGutter(fragment)) {
                return false;
            }
        }
        return true;
    }

    void add(Row row) {
        rows.add(row);
        for (Fragment fragment : row.fragments()) {
            include(fragment.x0(), fragment.x1());
        }
    }

    /** The band's lines in reading order: column groups left to right, each top to bottom. */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        List<List<float[]>> groups = columnGroups();
        if (groups.size() == 1) {
            rows.forEach(row -> lines.add(new Line(row.fragments(), row.baseline(), row.em())));
            return lines;
        }
        for (List<float[]> group : groups) {
            for (Row row : rows) {
                List<Fragment> inGroup = row.fragments().stream().filter(f -> within(f, group)).toList();
                if (!inGroup.isEmpty()) {
                    lines.add(new Line(inGroup, row.baseline(), row.em()));
                }
            }
        }
        return lines;
    }

    /**
     * Splits the band's x-ranges into groups read one after the other. A range holds prose when most of its text
     * (by characters, so that a heading does not count much) is in lines of three or more words. Two neighbouring
     * ranges are separate columns when both hold prose whose paragraphs do not start side by side (text columns, not a table of
     * sentences); when prose sits beside short entries that do not line up with the starts of its cells (a text
     * column beside a figure or a code listing, not a table of numbers and descriptions); or when each of two
     * ranges of short entries has many rows the other has nothing beside. Otherwise they are cells of one table,
     * read row by row.
     */
    private List<List<float[]>> columnGroups() {
        List<List<float[]>> groups = new ArrayList<>();
        groups.add(new ArrayList<>(List.of(ranges.get(0))));
        for (int i = 1; i < ranges.size(); i++) {
            if (rows.size() >= MIN_COLUMN_ROWS && separate(column(ranges.get(i - 1)), column(ranges.get(i)))) {
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(ranges.get(i));
        }
        return groups;
    }

    private static boolean separate(Column left, Column right) {
        if (left.prose() && right.prose()) {
            return !left.paragraphsAlignWith(right) || !right.paragraphsAlignWith(left);
        }
        if (left.prose() || right.prose()) {
            Column prose = left.prose() ? left : right;
            return !prose.endsCellsBeside(left.prose() ? right : left);
        }
        return left.aloneShare(right) >= MIN_ALONE_SHARE && right.aloneShare(left) >= MIN_ALONE_SHARE;
    }

    private Column column(float[] range) {
        boolean[] present = new boolean[rows.size()];
        float[] ends = new float[rows.size()];
        int glyphs = 0;
        int prose = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (Fragment fragment : rows.get(r).fragments()) {
                if (fragment.center() >= range[0] && fragment.center() <= range[1]) {
                    present[r] = true;
                    ends[r] = Math.max(ends[r], fragment.x1());
                    glyphs += fragment.glyphCount();
                    prose += fragment.wordCount() >= MIN_PROSE_WORDS ? fragment.glyphCount() : 0;
                }
            }
        }
        return new Column(rows, range, present, ends, glyphs > 0 && prose >= MIN_PROSE_SHARE * glyphs);
    }

    private static boolean within(Fragment fragment, List<float[]> group) {
        for (float[] range : group) {
            if (fragment.center() >= range[0] && fragment.center() <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /** Which rows of the band have text in one x-range. */
    private record Column(List<Row> rows, float[] range, boolean[] present, float[] ends, boolean prose) {

        /**
         * Whether the other (short-celled) column's entries sit where a cell of this (prose) column begins: the
         * line above is missing or ends short, as the last line of a wrapped cell does. Beside a figure, a code
         * listing or labels, the prose line above is usually a full one.
         */
        boolean endsCellsBeside(Column other) {
            int beside = 0;
            int cellStarts = 0;
            for (int r = 0; r < present.length; r++) {
                if (other.present[r] && present[r]) {
                    beside++;
                    cellStarts += r == 0 || !present[r - 1] || ends[r - 1] < range[1] - SHORT_LINE * width() ? 1 : 0;
                }
            }
            return beside > 0 && cellStarts >= MIN_CELL_START_SHARE * beside;
        }

        private float width() {
            return Math.max(1, range[1] - range[0]);
        }

        /** Share of this column's rows with nothing in the other column beside them. */
        double aloneShare(Column other) {
            int mine = 0;
            int alone = 0;
            for (int r = 0; r < present.length; r++) {
                if (present[r]) {
                    mine++;
                    alone += other.present[r] ? 0 : 1;
                }
            }
            return mine == 0 ? 0 : (double) alone / mine;
        }

        /** At least two paragraphs, and most of them start on a row where the other column starts one too. */
        boolean paragraphsAlignWith(Column other) {
            List<Integer> starts = paragraphStarts();
            if (starts.size() < 2) {
                return false;
            }
            List<Integer> others = other.paragraphStarts();
            long aligned = starts.stream().filter(others::contains).count();
            return aligned >= MIN_ALIGNED_SHARE * starts.size();
        }

        /** Rows that start a paragraph: the first, and any after a gap clearly larger than the usual spacing. */
        List<Integer> paragraphStarts() {
            List<Integer> starts = new ArrayList<>();
            int previous = -1;
            for (int r = 0; r < present.length; r++) {
                if (!present[r]) {
                    continue;
                }
                if (previous < 0 || distance(previous, r) > PARAGRAPH_GAP) {
                    starts.add(r);
                }
                previous = r;
            }
            return starts;
        }

        private float distance(int from, int to) {
            Row a = rows.get(from);
            Row b = rows.get(to);
            return (b.baseline() - a.baseline()) / Math.max(a.em(), b.em());
        }
    }

    private boolean covered(float from, float to) {
        for (float[] range : ranges) {
            if (range[0] <= from && range[1] >= to) {
                return true;
            }
        }
        return false;
    }

    private boolean crossesGutter(Fragment fragment) {
        for (int i = 1; i < ranges.size(); i++) {
            if (fragment.x0() <= ranges.get(i - 1)[1] && fragment.x1() >= ranges.get(i)[0]) {
                return true;
            }
        }
        return false;
    }

    private void include(float from, float to) {
        float start = from;
        float end = to;
        int i = 0;
        while (i < ranges.size() && ranges.get(i)[1] < start) {
            i++;
        }
        while (i < ranges.size() && ranges.get(i)[0] <= end) {
            float[] overlapping = ranges.remove(i);
            start = Math.min(start, overlapping[0]);
            end = Math.max(end, overlapping[1]);
        }
        ranges.add(i, new float[] {start, end});
    }
}
