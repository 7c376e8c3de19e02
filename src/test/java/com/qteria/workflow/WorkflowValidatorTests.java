package com.qteria.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import com.qteria.workflow.WorkflowInput.BucketInput;
import com.qteria.workflow.WorkflowInput.CriterionInput;
import com.qteria.workflow.definition.Definition;
import com.qteria.workflow.definition.WorkflowValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rules a workflow must satisfy to be saved, each reported at its JSON path. */
class WorkflowValidatorTests {

    static final List<BucketInput> BUCKETS = List.of(new BucketInput("reports", "Reports", true, 0),
            new BucketInput("doc", "Declaration", true, 1));

    @Test
    void derivesKeysFromNamesAndNormalisesOrder() {
        Definition definition = WorkflowValidator.validate(new WorkflowInput(" Machinery ", null,
                List.of(new BucketInput(null, "Test reports", true, 5), new BucketInput(null, "Prüfberichte (alt)", false, 1),
                        new BucketInput("test_reports_2", "Taken key", false, null)),
                List.of(criterion(null, "Test report cites EN 60204-1", List.of("*"), List.of()),
                        criterion(null, "Test report cites EN 60204-1", List.of("test_reports"), List.of()))), Map.of());
        assertThat(definition.name()).isEqualTo("Machinery");
        assertThat(definition.buckets()).extracting(Bucket::key)
                .containsExactly("pruefberichte_alt", "test_reports", "test_reports_2");
        assertThat(definition.buckets()).extracting(Bucket::order).containsExactly(0, 1, 2);
        assertThat(definition.criteria()).extracting(Criterion::key)
                .containsExactly("test_report_cites_en_60204_1", "test_report_cites_en_60204_1_2");
        assertThat(definition.criteria().getFirst().severity()).isEqualTo(Severity.REQUIRED);
    }

    @Test
    void itemsMatchedByKeyKeepTheirIds() {
        UUID bucketId = UUID.randomUUID();
        UUID criterionId = UUID.randomUUID();
        Definition definition = WorkflowValidator.validate(valid(List.of(new Check.Signed())),
                Map.of("bucket:reports", bucketId, "criterion:c1", criterionId));
        assertThat(definition.buckets().getFirst().id()).isEqualTo(bucketId);
        assertThat(definition.buckets().get(1).id()).isNotEqualTo(bucketId).isNotNull();
        assertThat(definition.criteria().getFirst().id()).isEqualTo(criterionId);
    }

    @Test
    void reportsEveryTopLevelProblem() {
        assertThat(errors(new WorkflowInput("", "x".repeat(5001), List.of(), List.of())))
                .containsExactlyInAnyOrder("name", "description", "buckets", "criteria");
        assertThat(errors(new WorkflowInput("x".repeat(201), null, BUCKETS, List.of(criterion("c", "C", List.of("*"), null)))))
                .containsExactly("name");
    }

    @Test
    void limitsBucketsAndCriteria() {
        List<BucketInput> buckets = IntStream.range(0, 21).mapToObj(i -> new BucketInput(null, "B" + i, true, i)).toList();
        List<CriterionInput> criteria = IntStream.range(0, 101)
                .mapToObj(i -> criterion(null, "C" + i, List.of("*"), null)).toList();
        assertThat(errors(new WorkflowInput("W", null, buckets, criteria))).containsExactly("buckets", "criteria");
    }

    /** A list of millions of phrases was stored, and every later list of the tenant's workflows carried it. */
    @Test
    void limitsPhrasesPerListWithOneErrorForTheList() {
        List<String> many = Collections.nCopies(1_000_000, "");
        assertThat(errors(valid(List.of(new Check.Contains(many, null), new Check.NotContains(many)))))
                .containsExactly("criteria[0].checks[0].all", "criteria[0].checks[1].any");
        assertThat(errors(valid(List.of(new Check.Contains(Collections.nCopies(WorkflowValidator.MAX_PHRASES, "IEC"),
                null))))).isEmpty();
    }

    @Test
    void keysMustBeSlugsAndUnique() {
        List<BucketInput> buckets = List.of(new BucketInput("Test Reports", "A", true, 0),
                new BucketInput("dup", "B", true, 1), new BucketInput("dup", "C", true, 2));
        assertThat(errors(new WorkflowInput("W", null, buckets, List.of(criterion("c", "C", List.of("*"), null)))))
                .containsExactly("buckets[0].key", "buckets[2].key");
    }

    @Test
    void appliesToNamesExistingBucketsOrStar() {
        assertThat(errors(input(criterion("c", "C", List.of(), null)))).containsExactly("criteria[0].applies_to");
        assertThat(errors(input(criterion("c", "C", List.of("nope"), null)))).containsExactly("criteria[0].applies_to[0]");
        assertThat(errors(input(criterion("c", "C", List.of("*", "reports"), null)))).containsExactly("criteria[0].applies_to");
        assertThat(errors(input(new CriterionInput("c", "C", null, List.of("*"), "critical", 0, null))))
                .containsExactly("criteria[0].severity");
    }

    @Test
    void everyCheckTypeIsValidated() {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check.Contains(null, null));
        checks.add(new Check.Contains(List.of(" "), null));
        checks.add(new Check.NotContains(List.of()));
        checks.add(new Check.Matches("(unclosed", 1));
        checks.add(new Check.Matches("[0-9]+", 0));
        checks.add(new Check.DateNotOlder(List.of(), 0));
        checks.add(new Check.SameValue("(a)(b)", List.of("reports", "elsewhere")));
        checks.add(new Check.SameValue("x", null));
        checks.add(new Check.MinPages(0));
        checks.add(null);
        assertThat(errors(valid(checks))).containsExactly(
                "criteria[0].checks[0].all",
                "criteria[0].checks[1].all[0]",
                "criteria[0].checks[2].any",
                "criteria[0].checks[3].pattern",
                "criteria[0].checks[4].min_count",
                "criteria[0].checks[5].near",
                "criteria[0].checks[5].months",
                "criteria[0].checks[6].pattern",
                "criteria[0].checks[6].across[1]",
                "criteria[0].checks[7].pattern",
                "criteria[0].checks[7].across",
                "criteria[0].checks[8].pages",
                "criteria[0].checks[9]");
    }

    @Test
    void validChecksPassAndGetDefaults() {
        Definition definition = WorkflowValidator.validate(valid(List.of(
                new Check.Contains(List.of("IEC 62368-1"), List.of("pass", "passed")),
                new Check.NotContains(List.of("draft")),
                new Check.Matches("(?i)ref(?:erence)? no\\.? [0-9]+", null),
                new Check.DateNotOlder(List.of("Date of issue"), 24),
                new Check.Signed(),
                new Check.SameValue("Model: ([A-Z0-9-]+)", List.of("reports", "doc")),
                new Check.MinPages(3))), Map.of());
        assertThat(((Check.Matches) definition.criteria().getFirst().checks().get(2)).minCount()).isEqualTo(1);
    }

    @Test
    void patternsAreJavaRegexSyntax() {
        assertThat(WorkflowValidator.patternProblem("(a+)+$", false)).isNull();
        assertThat(WorkflowValidator.patternProblem("(\\w+)\\s\\1", false)).isNull();
        assertThat(WorkflowValidator.patternProblem("(?i)\\b(?:IEC|EN) 60601-1(?!-\\d)", false)).isNull();
        assertThat(WorkflowValidator.patternProblem("[unclosed", false)).startsWith("is not a valid pattern: Unclosed character class");
        assertThat(WorkflowValidator.patternProblem("Model (?:no\\.)? ([0-9]+)", true)).isNull();
        assertThat(WorkflowValidator.patternProblem("Model", true)).contains("exactly one capture group");
        assertThat(WorkflowValidator.patternProblem("(?<=Model )(\\d+)", true)).isNull();
    }

    @Test
    void patternsWhoseRepetitionsMultiplyOutTooFarAreRefused() {
        assertThat(WorkflowValidator.patternProblem("((a{1000}){1000}){1000}", false))
                .isEqualTo("is too costly to run: its nested repetitions multiply out to more than 100000 elements");
        assertThat(WorkflowValidator.patternProblem("(?x) ( (a {1000}) {1000} ) {1000}", false))
                .startsWith("is too costly to run");
        assertThat(WorkflowValidator.patternProblem("a{1001}", false))
                .isEqualTo("is too costly to run: a repetition count of 1001 is above the limit of 1000");
        assertThat(WorkflowValidator.patternProblem("(?:a{1,300}){300}b", false)).isNull();
        assertThat(WorkflowValidator.patternProblem("Ref\\.? ?([A-Z]{2,4}-\\d{3,6}(?:/\\d{2}){0,3})", true)).isNull();
    }

    private static WorkflowInput valid(List<Check> checks) {
        return input(criterion("c1", "C", List.of("reports"), checks));
    }

    private static WorkflowInput input(CriterionInput criterion) {
        return new WorkflowInput("W", null, BUCKETS, List.of(criterion));
    }

    private static CriterionInput criterion(String key, String name, List<String> appliesTo, List<Check> checks) {
        return new CriterionInput(key, name, null, appliesTo, null, null, checks);
    }

    private static List<String> errors(WorkflowInput input) {
        try {
            WorkflowValidator.validate(input, Map.of());
        } catch (ApiProblem problem) {
            return problem.errors().stream().map(FieldError::field).toList();
        }
        return List.of();
    }

    @Test
    void aValidWorkflowHasNoErrors() {
        assertThat(errors(valid(List.of(new Check.Signed())))).isEmpty();
        assertThatThrownBy(() -> WorkflowValidator.validate(null, Map.of())).isInstanceOf(ApiProblem.class);
    }
}
