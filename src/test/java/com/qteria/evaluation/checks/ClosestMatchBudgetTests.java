package com.qteria.evaluation.checks;

import static com.qteria.evaluation.Documents.document;
import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.evaluation.EvaluatedDocument;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search for closest matches keeps to its time budget and to a bounded number of candidates. */
class ClosestMatchBudgetTests {

    /** A page of nothing but near misses of "2014/35/EU": every run is a candidate. */
    private static final EvaluatedDocument NEAR_MISSES = document("hostile.pdf", "b",
            "2014/30/EU 2014/31/EU 2014/32/EU 2014/33/EU 2014/34/EU 2014/36/EU 2014/37/EU\n".repeat(2_000));

    @Test
    void aSpentBudgetStopsTheSearchWithWhatWasFoundByThen() {
        assertThat(ClosestMatch.to(new DocumentText(NEAR_MISSES), List.of("2014/35/EU"), Duration.ZERO)).isEmpty();
    }

    @Test
    void aDocumentFullOfNearMissesGivesTheBestTwoOnDifferentLines() {
        List<ClosestMatch.Near> found = ClosestMatch.to(new DocumentText(NEAR_MISSES), List.of("2014/35/EU"));
        assertThat(found).hasSize(2);
        assertThat(found).allSatisfy(near -> assertThat(near.similarity()).isGreaterThanOrEqualTo(0.9));
        assertThat(found.get(0).evidence().start()).isNotEqualTo(found.get(1).evidence().start());
    }
}
