package com.qteria.evaluation;

import static com.qteria.evaluation.Documents.assertExact;
import static com.qteria.evaluation.Documents.document;
import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.workflow.Check;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two documents, a criterion factory and the exact-quote assertion shared by the evaluation tests (no Spring). */
abstract class EvaluationFixture {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 16);

    final Evaluation evaluation = new Evaluation();

    final EvaluatedDocument report = document("report.pdf", "test_reports",
            "Test report\nTest specification: IEC 62368-1:2018\nDate of issue: 27 February 2025\n"
                    + "Model/type reference: NV-8240-B",
            "Results\nThe test item fulfils the certi-\nfication requirements. Overall verdict: PASS");
    final EvaluatedDocument declaration = document("doc.pdf", "declaration",
            "EU Declaration of Conformity\nModel/type reference: NV-8240-B\nDirective 2014/35/EU\n"
                    + "Signed for and on behalf of: Nordlicht GmbH\nSignature: Jan Petersen\nName, function: Jan Petersen");
    final List<EvaluatedDocument> all = List.of(report, declaration);

    static Criterion criterion(List<String> appliesTo, Check... checks) {
        return new Criterion(UUID.randomUUID(), "c", "Criterion", "A rule.", appliesTo, Severity.REQUIRED, 0,
                List.of(checks));
    }

    Finding evaluate(List<String> appliesTo, Check... checks) {
        Finding finding = evaluation.evaluate(criterion(appliesTo, checks), all, AS_OF);
        List<Evidence> evidence = new ArrayList<>(finding.evidence());
        finding.checks().forEach(c -> evidence.addAll(c.evidence()));
        assertExact(evidence, all);
        assertThat(finding.source()).isEqualTo(Source.CHECKS);
        return finding;
    }
}
