package com.qteria.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageLayoutTests {

    // "Tested to IEC\n62368-1 today": three words on line one, two on line two
    private static final PageLayout PAGE = new PageLayout(new DocumentPage(1, "Tested to IEC\n62368-1 today", false,
            false), List.of(new WordBox(0, 6, 0.10f, 0.10f, 0.10f, 0.02f), new WordBox(7, 9, 0.21f, 0.10f, 0.03f, 0.02f),
            new WordBox(10, 13, 0.25f, 0.10f, 0.05f, 0.02f), new WordBox(14, 21, 0.10f, 0.13f, 0.08f, 0.02f),
            new WordBox(22, 27, 0.19f, 0.13f, 0.06f, 0.02f)));

    @Test
    void theWordsOfARangeAreThoseItOverlaps() {
        assertThat(PAGE.covering(8, 16)).extracting(WordBox::start).containsExactly(7, 10, 14);
        assertThat(PAGE.covering(6, 7)).isEmpty();
    }

    @Test
    void aHighlightIsOneBoxPerLine() {
        List<WordBox> lines = PAGE.highlight(7, 27);
        assertThat(lines).hasSize(2);
        assertThat(lines).extracting(WordBox::start, WordBox::end, WordBox::x, WordBox::y)
                .containsExactly(tuple(7, 13, 0.21f, 0.10f), tuple(14, 27, 0.10f, 0.13f));
        assertThat(lines).extracting(WordBox::width)
                .satisfiesExactly(w -> assertThat(w).isCloseTo(0.09f, offset(1e-6f)),
                        w -> assertThat(w).isCloseTo(0.15f, offset(1e-6f)));
    }
}
