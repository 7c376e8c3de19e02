package com.qteria.document.extraction.pdf;

import java.util.List;

/**
 * What one pass over a page's content stream found.
 *
 * @param glyphs        the text layer, in content-stream order
 * @param images        the page draws at least one image
 * @param imageCoverage the largest fraction of the page one image covers (0..1)
 * @param paintedPaths  how many paths were filled or stroked (text converted to outlines shows up here)
 * @param aborted       the content stream broke off with an error: the text may be incomplete
 * @param truncated     the page has more glyphs than we keep; the rest was skipped
 * @param work          what the pass ran into of the {@link ContentBudget}: forms drawing themselves, too much
 *                      content, images too large to decode
 */
record TextLayer(List<Glyph> glyphs, boolean images, float imageCoverage, int paintedPaths, boolean aborted,
                 boolean truncated, ContentBudget.PageReport work) {

    /** Vector or raster graphics that may hold text a text layer does not have. */
    boolean hasGraphics() {
        return images || paintedPaths >= 64;
    }
}
