package com.qteria.assessment.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.evaluation.AssessedDocument;
import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.workflow.Check;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reuse key: a re-run on another day reuses every finding that does not depend on the date; only a criterion with
 * a {@code date_not_older} check is evaluated again, since its verdict counts from the assessment date.
 */
class FindingCacheKeyTests {

    final FindingCache cache = new FindingCache(null, JsonMapper.shared());
    final List<AssessedDocument> documents = List.of(new AssessedDocument.Read(new EvaluatedDocument(UUID.randomUUID(),
            "report.pdf", "test_reports", List.of("Tested to IEC 62368-1 on 12.03.2025."), List.of()), List.of()));

    @Test
    void theDateIsPartOfTheKeyOnlyWhereADateCheckReadsIt() {
        Criterion phrase = criterion(List.of(new Check.Contains(List.of("IEC 62368-1"), null)));
        Criterion plain = criterion(null);
        Criterion dated = criterion(List.of(new Check.DateNotOlder(List.of("Tested"), 12)));
        Function<Criterion, String> today = cache.keys(documents, LocalDate.of(2026, 12, 7), "anthropic/claude");
        Function<Criterion, String> nextWeek = cache.keys(documents, LocalDate.of(2026, 12, 14), "anthropic/claude");

        assertThat(nextWeek.apply(phrase)).isEqualTo(today.apply(phrase));
        assertThat(nextWeek.apply(plain)).isEqualTo(today.apply(plain));
        assertThat(nextWeek.apply(dated)).isNotEqualTo(today.apply(dated));
    }

    private static Criterion criterion(List<Check> checks) {
        return new Criterion(UUID.randomUUID(), "key", "Name", null, List.of("test_reports"), Severity.REQUIRED, 0,
                checks);
    }
}
