package com.qteria.document.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive rows sharing one column structure: the x-ranges their fragments cover, and the vertical gutters
 * between them. A row that puts text into a gutter, or whose own gap lies where the band has text (a
 * full-width paragraph above two columns), starts a new band.
 * <p>
 * A band with gutters is read column by column when it looks like prose (most fragments have several words), and
 * row by row otherwise: that is a table, a form or a list of label and value.
 */
final class Band {

    private static final int MIN_PROSE_WORDS = 3;
    private static final double MIN_PROSE_SHARE = 0.7;
    private static final int MIN_COLUMN_ROWS = 3;

    private final List<Row> rows = new ArrayList<>();
    /** Sorted, disjoint x-ranges covered by the rows' fragments. */
    private final List<float[]> ranges = new ArrayList<>();

    boolean accepts(Row row) {
        if (rows.isEmpty()) {
            return true;
        }
        List<Fragment> fragments = row.fragments();
        for (int i = 1; i < fragments.size(); i++) {
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

    /** The band's lines in reading order. */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        if (!columnar()) {
            rows.forEach(row -> lines.add(new Line(row.fragments(), row.baseline(), row.em())));
            return lines;
        }
        for (float[] range : ranges) {
            for (Row row : rows) {
                List<Fragment> inColumn = row.fragments().stream()
                        .filter(f -> f.center() >= range[0] && f.center() <= range[1])
                        .toList();
                if (!inColumn.isEmpty()) {
                    lines.add(new Line(inColumn, row.baseline(), row.em()));
                }
            }
        }
        return lines;
    }

    private boolean columnar() {
        if (ranges.size() < 2 || rows.size() < MIN_COLUMN_ROWS) {
            return false;
        }
        int fragments = 0;
        int prose = 0;
        for (Row row : rows) {
            for (Fragment fragment : row.fragments()) {
                fragments++;
                prose += fragment.wordCount() >= MIN_PROSE_WORDS ? 1 : 0;
            }
        }
        return prose >= MIN_PROSE_SHARE * fragments;
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
