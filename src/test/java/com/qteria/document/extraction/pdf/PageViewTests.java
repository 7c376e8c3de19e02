package com.qteria.document.extraction.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** User space to the displayed page: the top-left corner of the displayed page is where, for each /Rotate? */
class PageViewTests {

    @ParameterizedTest
    @CsvSource({
            // rotation, user x, user y (A4 portrait, 595 x 842) -> displayed x, y as fractions
            "0, 0, 842, 0, 0",       // top-left stays top-left
            "0, 595, 0, 1, 1",
            "90, 0, 0, 0, 0",        // turned clockwise: the bottom-left corner comes to the top-left
            "90, 595, 842, 1, 1",
            "180, 595, 0, 0, 0",     // upside down: bottom-right to top-left
            "270, 595, 842, 0, 0",   // turned anticlockwise: top-right to top-left
            "270, 0, 0, 1, 1",
            "-90, 595, 842, 0, 0",   // -90 is 270
            "45, 0, 842, 0, 0"})     // not a multiple of 90: treated as 0
    void mapsCornersAsTheyAreDisplayed(int rotation, float x, float y, float displayX, float displayY) {
        PageView view = PageView.of(rotation, 595, 842);

        assertThat(view.displayX(x, y)).isCloseTo(displayX, offset(1e-6f));
        assertThat(view.displayY(x, y)).isCloseTo(displayY, offset(1e-6f));
    }
}
