package com.qteria.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Patterns run with RE2/J: a pattern that backtracks catastrophically in java.util.regex cannot stall us. Pattern
 * bombs among them: run by the hostile-files execution, under -Xmx512m (pom.xml).
 */
@Tag("hostile")
class PatternPreviewTests {

    @Test
    void catastrophicBacktrackingPatternsRunInLinearTime() {
        String evil = "a".repeat(PatternPreview.MAX_SAMPLE - 1) + "!";
        // java.util.regex needs about 2^n steps for (a+)+$ on n a's and a '!'; RE2/J a few per character.
        assertThat(SafePattern.compile("(a+)+$").linear()).isTrue();
        PatternPreview preview = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> PatternPreview.run("(a+)+$", evil, false));
        assertThat(preview.problem()).isNull();
        assertThat(preview.count()).isZero();
        PatternPreview nested = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> PatternPreview.run("^(a|aa)*(b|a*)*c$", evil, false));
        assertThat(nested.count()).isZero();
    }

    @Test
    void patternsOnlyJavaCanRunAreStoppedWhenTheyTakeTooLong() {
        // A backreference keeps this pattern off RE2/J; java.util.regex would backtrack for years on this text.
        String evil = "a".repeat(5_000) + "!";
        SafePattern pattern = SafePattern.compile("^(a+)+\\1$");
        assertThat(pattern.linear()).isFalse();
        PatternPreview preview = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> PatternPreview.run("^(a+)+\\1$", evil, false));
        assertThat(preview.problem()).isEqualTo("The pattern took too long on this text and was stopped.");
        // The same engine still answers quickly where the text is benign.
        assertThat(PatternPreview.run("(?i)\\b(?:IEC|EN) 60601-1(?!-\\d)", "Tested to IEC 60601-1-2 and EN 60601-1:2006", false)
                .matches()).extracting(PatternPreview.Match::text).containsExactly("EN 60601-1");
    }

    @Test
    void aLinearPatternMultipliedOutTooFarIsStoppedAtThePreviewBudget() {
        // Linear in the text, but 90,000 states per character: RE2/J alone needs minutes for this sample.
        assertThat(SafePattern.compile("(?:a{1,300}){300}b").linear()).isTrue();
        PatternPreview preview = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> PatternPreview.run("(?:a{1,300}){300}b", "a".repeat(PatternPreview.MAX_SAMPLE), false));
        assertThat(preview.stopped()).isEqualTo(SafePattern.PatternStoppedException.Why.TIME_BUDGET);
        assertThat(preview.problem()).isEqualTo("The pattern took too long on this text and was stopped.");
    }

    @Test
    void aPatternThatOverflowsTheStackIsStoppedWithItsReason() {
        PatternPreview preview = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> PatternPreview.run("(a|aa)+\\1b", "a".repeat(PatternPreview.MAX_SAMPLE), false));
        assertThat(preview.stopped()).isEqualTo(SafePattern.PatternStoppedException.Why.TOO_DEEP);
        assertThat(preview.problem()).isEqualTo("The pattern needed too deep a search on this text and was stopped.");
    }

    @Test
    void refusesPatternsThatMultiplyOutTooFarBeforeCompilingThem() {
        PatternPreview preview = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> PatternPreview.run("((a{1000}){1000}){1000}", "aaa", false));
        assertThat(preview.problem()).isEqualTo("The pattern is too costly to run: its nested repetitions multiply out"
                + " to more than 100000 elements.");
        assertThat(PatternPreview.run("a{1001}", "aaa", false).problem()).isEqualTo(
                "The pattern is too costly to run: a repetition count of 1001 is above the limit of 1000.");
    }

    @Test
    void showsMatchesAndTheCapturedValue() {
        PatternPreview preview = PatternPreview.run("Model: ([A-Z0-9-]+)", "Model: BW-9450, later Model: BW-9451", true);
        assertThat(preview.count()).isEqualTo(2);
        assertThat(preview.matches()).extracting(PatternPreview.Match::group).containsExactly("BW-9450", "BW-9451");
        assertThat(preview.matches().getFirst().start()).isZero();
    }

    @Test
    void explainsWhyAPatternCannotBeUsed() {
        assertThat(PatternPreview.run("(unclosed", "text", false).problem()).startsWith("The pattern is not a valid pattern");
        assertThat(PatternPreview.run("Model", "Model", true).problem()).contains("exactly one capture group");
        assertThat(PatternPreview.run("x*", "abc", false).count()).isEqualTo(4);
    }
}
