package com.qteria.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import com.qteria.workflow.WorkflowInput.BucketInput;
import com.qteria.workflow.WorkflowInput.CriterionInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link WorkflowView#offline}: the server's validation without a database, for the {@code assess} command. */
class OfflineWorkflowTests {

    @Test
    void validatesAndGivesFreshIdsAndVersionOne() {
        WorkflowView view = WorkflowView.offline(new WorkflowInput(" Reports ", null,
                List.of(new BucketInput(null, "Test reports", true, null)),
                List.of(new CriterionInput("b", "Second", null, List.of("*"), "advisory", 1, null),
                        new CriterionInput("a", "First", null, List.of("test_reports"), null, 0,
                                List.of(new Check.Signed())))));

        assertThat(view.id()).isNotNull();
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.name()).isEqualTo("Reports");
        assertThat(view.buckets()).singleElement().satisfies(b -> {
            assertThat(b.key()).isEqualTo("test_reports");
            assertThat(b.id()).isNotNull();
        });
        assertThat(view.criteria()).extracting(Criterion::key).containsExactly("a", "b");
        assertThat(view.criteria().get(0).severity()).isEqualTo(Severity.REQUIRED);
        assertThat(view.criteria().get(1).checks()).isEmpty();
    }

    @Test
    void reportsEveryOffendingField() {
        assertThatThrownBy(() -> WorkflowView.offline(new WorkflowInput("", null, List.of(), List.of())))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.errors()).extracting(FieldError::field)
                        .contains("name", "buckets", "criteria"));
    }
}
