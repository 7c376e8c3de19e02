package com.qteria.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.workflow.Check;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An error while one criterion is evaluated — a check or the AI call throwing, stack overflow and memory running out
 * included — leaves that criterion needing review with the error named; the other criteria are evaluated as usual.
 */
class CriterionErrorTests {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 16);
    private static final EvaluatedDocument REPORT = new EvaluatedDocument(UUID.randomUUID(), "report.pdf", "reports",
            List.of("Test report\nTest specification: IEC 62368-1:2018"), List.of());

    private final Criterion broken = criterion("broken", List.of(new Check.Contains(List.of("IEC"), null)));
    private final Criterion standard = criterion("standard", List.of(new Check.Contains(List.of("IEC 62368-1"), null)));
    private final Criterion askAi = criterion("ask_ai", List.of());

    static Stream<Supplier<Throwable>> errors() {
        return Stream.of(StackOverflowError::new, () -> new OutOfMemoryError("Java heap space"),
                () -> new IllegalStateException("a bug"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void anErrorInACheckLeavesThatCriterionNeedingReviewAndTheOthersAreEvaluated(Supplier<Throwable> error) {
        Evaluation failing = new Evaluation() {
            @Override
            public Finding evaluate(Criterion criterion, List<EvaluatedDocument> all, LocalDate asOf) {
                if (criterion.key().equals("broken")) {
                    throw sneaky(error.get());
                }
                return super.evaluate(criterion, all, asOf);
            }
        };

        List<CriterionFinding> found = run(new EvaluationPipeline(failing), List.of(broken, standard), null);

        assertThat(found).extracting(f -> f.finding().verdict()).containsExactly(Verdict.NEEDS_REVIEW, Verdict.PASS);
        stoppedBy(found.getFirst(), error.get());
    }

    @ParameterizedTest
    @MethodSource("errors")
    void anErrorInTheAiCallLeavesItsCriteriaNeedingReviewAndTheOthersAreEvaluated(Supplier<Throwable> error) {
        LanguageModel model = new LanguageModel() {
            @Override
            public String name() {
                return "anthropic/test-model";
            }

            @Override
            public String model() {
                return "test-model";
            }

            @Override
            public ModelReply complete(ModelPrompt prompt) {
                throw sneaky(error.get());
            }
        };
        Evaluation evaluation = new Evaluation();
        AiEvaluation ai = new AiEvaluation(model, evaluation, AiSettings.of("anthropic", "test-model", "k", ""));

        List<CriterionFinding> found = run(new EvaluationPipeline(evaluation), List.of(standard, askAi), ai);

        assertThat(found).extracting(f -> f.criterion().key()).containsExactly("standard", "ask_ai");
        assertThat(found.getFirst().finding().verdict()).isEqualTo(Verdict.PASS);
        stoppedBy(found.get(1), error.get());
    }

    private static void stoppedBy(CriterionFinding finding, Throwable error) {
        assertThat(finding.finding().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(finding.finding().confidence()).isEqualTo(Confidence.LOW);
        assertThat(finding.reusable()).as("the next run evaluates it again").isFalse();
        String name = error.getClass().getSimpleName();
        assertThat(finding.finding().reasons()).containsExactly(new Reason.EvaluationStopped(name));
        ReasonText text = ReasonText.standalone();
        assertThat(text.english(finding.finding().reasons())).isEqualTo("An internal error (" + name + ") stopped "
                + "the evaluation of this criterion, so it was not decided: a reviewer must judge it. Running the "
                + "assessment again evaluates it again.");
        assertThat(text.render(finding.finding().reasons(), Locale.GERMAN, k -> k)).startsWith("Ein interner "
                + "Fehler (" + name + ") hat die Bewertung dieses Kriteriums abgebrochen");
    }

    private static List<CriterionFinding> run(EvaluationPipeline pipeline, List<Criterion> criteria,
            AiEvaluation ai) {
        List<CriterionFinding> found = new ArrayList<>();
        boolean finished = pipeline.run(EvaluationRequest.of(criteria, List.of(), List.of(new AssessedDocument.Read(REPORT)),
                AS_OF, ai), (findings, call) -> found.addAll(findings));
        assertThat(finished).isTrue();
        return found;
    }

    private static Criterion criterion(String key, List<Check> checks) {
        return new Criterion(UUID.randomUUID(), key, key, "The report names the standard.", List.of("reports"),
                Severity.REQUIRED, 0, checks);
    }

    /** Throws the error or runtime exception the double stands for. */
    private static RuntimeException sneaky(Throwable error) {
        if (error instanceof Error e) {
            throw e;
        }
        throw (RuntimeException) error;
    }
}
