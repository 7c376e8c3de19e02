package com.qteria.document.extraction.pdf;

import com.qteria.document.extraction.PageTextBuilder;
import java.util.List;

/** One output line: fragments side by side (table cells, separated by tabs), and where it sits on the page. */
record Line(List<Fragment> fragments, float baseline, float em) {

    void writeTo(PageTextBuilder out) {
        for (Fragment fragment : fragments) {
            out.tab();
            fragment.writeTo(out);
        }
    }
}
