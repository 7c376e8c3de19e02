package com.qteria.evaluation;

import static com.qteria.evaluation.Documents.assertExact;
import static com.qteria.evaluation.Documents.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.qteria.workflow.Check;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.Severity;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * See {@link EvaluationFixture}: through the module's entry point, without Spring. Pattern bombs among them: run by
 * the hostile-files execution, under -Xmx512m (pom.xml).
 */
@Tag("hostile")
class MatchesCheckTests extends EvaluationFixture {

    @Test
    void passesAndFailsOnTheCount() {
        assertThat(evaluate(List.of("test_reports"), new Check.Matches("IEC \\d{5}-\\d", null)).verdict())
                .isEqualTo(Verdict.PASS);
        Finding twice = evaluate(List.of("test_reports"), new Check.Matches("IEC \\d{5}-\\d", 2));
        assertThat(twice.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(twice.reasoning()).contains("matched once in report.pdf, fewer than the 2 times needed.");
    }

    @Test
    void keepsTheCaseOfThePattern() {
        assertThat(evaluate(List.of("test_reports"), new Check.Matches("iec 62368", null)).verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(evaluate(List.of("test_reports"), new Check.Matches("(?i)iec 62368", null)).verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void aLookaheadPatternRunsOnTheGuardedEngine() {
        EvaluatedDocument general = document("g.pdf", "b", "Tested to IEC 60601-1:2005");
        EvaluatedDocument collateral = document("c.pdf", "b", "Tested to IEC 60601-1-2:2014");
        Check check = new Check.Matches("(?i)\\b(?:IEC|EN) 60601-1(?!-\\d)", null);
        assertThat(evaluation.evaluate(criterion(List.of("b"), check), List.of(general), AS_OF).verdict())
                .isEqualTo(Verdict.PASS);
        Finding finding = evaluation.evaluate(criterion(List.of("b"), check), List.of(collateral), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(finding.reasoning()).contains("matched nowhere in c.pdf.");
    }

    @Test
    void aCatastrophicPatternIsStoppedAndNeedsReview() {
        EvaluatedDocument text = document("a.pdf", "b", "a".repeat(40) + "b");
        long started = System.nanoTime();
        Finding finding = evaluation.evaluate(criterion(List.of("b"), new Check.Matches("(?=(a+)+c)\\1", null)),
                List.of(text), AS_OF);
        assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);
        assertThat(finding.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(finding.checks().getFirst()).isInstanceOf(CheckResult.Undecided.class);
        assertThat(finding.reasoning()).contains("took too long");
    }

    @Test
    void aLinearPatternMultipliedOutTooFarIsStoppedAtTheBudgetAndNeedsReview() {
        // RE2/J runs (?:a{1,300}){300}b as 90,000 states per character read: minutes on 20,000 characters.
        EvaluatedDocument text = document("a.pdf", "b", "a".repeat(20_000));
        Finding finding = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> evaluation.evaluate(
                criterion(List.of("b"), new Check.Matches("(?:a{1,300}){300}b", null)), List.of(text), AS_OF));
        assertThat(finding.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(finding.reasoning()).contains("The pattern (?:a{1,300}){300}b took too long on a.pdf and was stopped.");
    }

    @Test
    void theBudgetHoldsForTheWholeCheckNotForEachPage() {
        String[] pages = new String[8];
        Arrays.fill(pages, "a".repeat(3_000));
        EvaluatedDocument text = document("a.pdf", "b", pages);
        long started = System.nanoTime();
        Finding finding = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> evaluation.evaluate(
                criterion(List.of("b"), new Check.Matches("(?:a{1,300}){300}b", null)), List.of(text), AS_OF));
        assertThat(finding.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aBacktrackingPatternThatOverflowsTheStackNeedsReview() {
        EvaluatedDocument text = document("a.pdf", "b", "a".repeat(40_000));
        Finding finding = evaluation.evaluate(criterion(List.of("b"), new Check.Matches("(a|aa)+\\1b", null)),
                List.of(text), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(finding.reasoning()).contains("The pattern (a|aa)+\\1b searched too deeply on a.pdf and was stopped");
    }

    @Test
    void aStoredPatternThatWouldExpandBeyondTheLimitIsNotCompiled() {
        Finding finding = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> evaluation.evaluate(
                criterion(List.of("b"), new Check.Matches("((a{1000}){1000}){1000}", null)),
                List.of(document("a.pdf", "b", "aaa")), AS_OF));
        assertThat(finding.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(finding.reasoning()).contains("multiply out to more than 100000 elements");
    }

    @Test
    void aLinearPatternThatWouldBacktrackIsHarmless() {
        EvaluatedDocument text = document("a.pdf", "b", "a".repeat(5000) + "!");
        Finding finding = evaluation.evaluate(criterion(List.of("b"), new Check.Matches("(a+)+$", null)),
                List.of(text), AS_OF);
        assertThat(finding.verdict()).isEqualTo(Verdict.FAIL);
    }
}
