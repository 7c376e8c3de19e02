package com.qteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.evaluation.Confidence;
import com.qteria.evaluation.Source;
import com.qteria.evaluation.Verdict;
import com.qteria.workflow.Severity;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The overall verdict of API.md and PRODUCT.md, with the advisory decision documented on {@link Summary}. */
class SummaryTests {

    @Test
    void aFailedRequiredCriterionFailsTheWhole() {
        Summary summary = Summary.of(List.of(result(Severity.REQUIRED, Verdict.PASS),
                result(Severity.REQUIRED, Verdict.FAIL), result(Severity.ADVISORY, Verdict.NEEDS_REVIEW)));

        assertThat(summary).isEqualTo(new Summary(Verdict.FAIL, 1, 1, 1, 0, 3));
    }

    @Test
    void aFailedAdvisoryCriterionIsCountedButLeavesTheWholePassing() {
        Summary summary = Summary.of(List.of(result(Severity.REQUIRED, Verdict.PASS),
                result(Severity.ADVISORY, Verdict.FAIL)));

        assertThat(summary).isEqualTo(new Summary(Verdict.PASS, 1, 1, 0, 0, 2));
    }

    @Test
    void aFailedAdvisoryCriterionDoesNotHideOneThatNeedsReview() {
        Summary summary = Summary.of(List.of(result(Severity.ADVISORY, Verdict.FAIL),
                result(Severity.REQUIRED, Verdict.NEEDS_REVIEW)));

        assertThat(summary.overall()).isEqualTo(Verdict.NEEDS_REVIEW);
    }

    @Test
    void anyCriterionThatNeedsReviewMakesTheWholeNeedReviewAdvisoryIncluded() {
        assertThat(Summary.of(List.of(result(Severity.REQUIRED, Verdict.PASS),
                result(Severity.REQUIRED, Verdict.NEEDS_REVIEW))))
                .isEqualTo(new Summary(Verdict.NEEDS_REVIEW, 1, 0, 1, 0, 2));
        assertThat(Summary.of(List.of(result(Severity.REQUIRED, Verdict.PASS),
                result(Severity.ADVISORY, Verdict.NEEDS_REVIEW))).overall())
                .isEqualTo(Verdict.NEEDS_REVIEW);
    }

    @Test
    void passesOnlyWhenEveryCriterionPassed() {
        assertThat(Summary.of(List.of(result(Severity.REQUIRED, Verdict.PASS), result(Severity.ADVISORY, Verdict.PASS))))
                .isEqualTo(new Summary(Verdict.PASS, 2, 0, 0, 0, 2));
    }

    @Test
    void nothingAssessedIsNoPass() {
        assertThat(Summary.of(List.of())).isEqualTo(new Summary(Verdict.NEEDS_REVIEW, 0, 0, 0, 0, 0));
    }

    @Test
    void notApplicableCriteriaAreCountedApartAndNeverDecideTheWhole() {
        Summary summary = Summary.of(List.of(result(Severity.REQUIRED, Verdict.PASS),
                result(Severity.REQUIRED, Verdict.NOT_APPLICABLE), result(Severity.ADVISORY, Verdict.NOT_APPLICABLE)));

        assertThat(summary).isEqualTo(new Summary(Verdict.PASS, 1, 0, 0, 2, 3));
        assertThat(Summary.of(List.of(result(Severity.REQUIRED, Verdict.NOT_APPLICABLE))).overall())
                .as("nothing applicable was assessed: a pass must rest on something").isEqualTo(Verdict.NEEDS_REVIEW);
    }

    @Test
    void aSummaryStoredBeforeNotApplicableExistedReadsAsNone() {
        JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

        Summary old = json.readValue("{\"overall\":\"pass\",\"passed\":2,\"failed\":0,\"needs_review\":0,"
                + "\"total\":2}", Summary.class);

        assertThat(old).isEqualTo(new Summary(Verdict.PASS, 2, 0, 0, 0, 2));
        assertThat(json.writeValueAsString(old)).contains("\"not_applicable\":0");
    }

    static CriterionResult result(Severity severity, Verdict verdict) {
        return new CriterionResult(new CriterionRef(UUID.randomUUID(), "c" + UUID.randomUUID().toString().substring(0, 8),
                "A criterion", severity), verdict, Confidence.HIGH, Source.CHECKS, "because", null, List.of(), null, null,
                null);
    }
}
