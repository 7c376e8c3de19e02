package com.qteria.evaluation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The literal text of a pattern, which a pattern that matched nowhere is compared by. */
class ClosestMatchLiteralsTests {

    @Test
    void classesGroupsQuantifiersAndFlagsAreLeftOut() {
        assertThat(ClosestMatch.literals("(?i)ISO/IEC\\s*17025(:2017)?")).containsExactly("ISO/IEC 17025:2017");
        assertThat(ClosestMatch.literals("EN\\s55032:20\\d\\d\\+A\\d+")).containsExactly("EN 55032:20+A");
        assertThat(ClosestMatch.literals("[A-Z]{2}-\\d{4}")).containsExactly("-");
    }

    @Test
    void eachTopLevelAlternativeIsOneLiteral() {
        assertThat(ClosestMatch.literals("2014/35/EU|2006/95/EC")).containsExactly("2014/35/EU", "2006/95/EC");
        assertThat(ClosestMatch.literals("IEC (60601|62368)-1")).containsExactly("IEC 60601-1");
        assertThat(ClosestMatch.literals("a\\|b")).containsExactly("a|b");
    }
}
