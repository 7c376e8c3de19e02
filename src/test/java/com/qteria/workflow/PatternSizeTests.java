package com.qteria.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The size a pattern has once RE2/J multiplies out its repetitions, read without compiling it. */
class PatternSizeTests {

    private static long elements(String pattern) {
        return PatternSize.of(pattern, SafePattern.MAX_ELEMENTS).elements();
    }

    @Test
    void multipliesNestedRepetitions() {
        assertThat(elements("abc")).isEqualTo(3);
        assertThat(elements("ab{3}")).isEqualTo(4);
        assertThat(elements("(ab){3}c")).isEqualTo(7);
        assertThat(elements("(?:a{1,300}){300}b")).isEqualTo(90_001);
        assertThat(elements("a{2,}")).isEqualTo(3);
        assertThat(elements("((a{10}){10}|b){10}")).isEqualTo(1_010);
        assertThat(elements("(?<model>[A-Z]{2})-\\d{4}(?i:x)+")).isEqualTo(8);
    }

    @Test
    void stopsCountingAboveTheCap() {
        assertThat(elements("((a{1000}){1000}){1000}")).isEqualTo(SafePattern.MAX_ELEMENTS + 1);
        assertThat(elements("(((((((a{1000}){1000}){1000}){1000}){1000}){1000}){1000})"))
                .isEqualTo(SafePattern.MAX_ELEMENTS + 1);
        assertThat(PatternSize.of("a{2147483647}", 10).largestCount()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void bracesInsideClassesEscapesAndQuotesAreNoRepetition() {
        assertThat(elements("[{1000}]{2}")).isEqualTo(2);
        assertThat(elements("[]{1000}]")).isEqualTo(1);
        assertThat(elements("\\p{L}{3}")).isEqualTo(3);
        assertThat(elements("\\x{2600}")).isEqualTo(1);
        assertThat(elements("\\Q{1000}\\E")).isEqualTo(6);
        assertThat(elements("\\{1000}")).isEqualTo(6);
    }

    @Test
    void inCommentsModeSpacesAndCommentsAreNotElements() {
        assertThat(elements("(?x) (a {1000}) {1000} # {1000}")).isEqualTo(SafePattern.MAX_ELEMENTS + 1);
        assertThat(elements("(?x) a b # c")).isEqualTo(2);
        assertThat(elements("a b # c")).isEqualTo(7);
    }
}
