package com.qteria.assessment;

import com.qteria.assessment.persistence.Outcomes;
import com.qteria.evaluation.Verdict;
import com.qteria.shared.TenantId;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowManagement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Which criteria of a workflow catch real issues and which only make noise (API.md "Insights"), per criterion key over
 * an {@link InsightPeriod}. Definitions:
 * <ul>
 * <li>the assessments counted are the workflow's <em>completed</em> ones (any version) that finished in the period;</li>
 * <li>{@code assessed}: their results for the criterion; {@code passed}, {@code failed}, {@code needs_review} and
 * {@code not_applicable} split them by the <em>machine's</em> verdict (a review does not change these), so they add
 * up to {@code assessed};</li>
 * <li>{@code overridden}: results whose review verdict differs from the machine's (a confirmation is not counted);</li>
 * <li>{@code feedback}: the "Was this correct?" answers on those results, each answer counted;</li>
 * <li>{@code false_pass_rate}: answers "incorrect" on results the machine passed, divided by all answers on results
 * the machine passed; null when there is no such answer. {@code false_fail_rate} the same for fails.</li>
 * </ul>
 * The criteria come in the current version's order, with keys only older versions had after them (by key); a current
 * criterion without results has zeros.
 */
@Service
public class AssessmentInsights {

    private final Outcomes outcomes;
    private final WorkflowManagement workflows;

    AssessmentInsights(Outcomes outcomes, WorkflowManagement workflows) {
        this.outcomes = outcomes;
        this.workflows = workflows;
    }

    /** Per criterion key; 404 for a workflow that is not the organization's. */
    public Map<String, CriterionInsight> of(TenantId tenant, WorkflowId workflow, InsightPeriod period) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Criterion criterion : workflows.get(tenant, workflow).criteria()) {
            tallies.put(criterion.key(), new Tally());
        }
        Map<String, Tally> former = new TreeMap<>();
        outcomes.results(tenant, workflow, period.start(), period.end(), outcome ->
                tally(tallies, former, outcome.criterionKey()).count(outcome));
        outcomes.feedback(tenant, workflow, period.start(), period.end(), feedback ->
                tally(tallies, former, feedback.criterionKey()).count(feedback));
        tallies.putAll(former);
        Map<String, CriterionInsight> insights = new LinkedHashMap<>();
        tallies.forEach((key, tally) -> insights.put(key, tally.insight()));
        return insights;
    }

    private static Tally tally(Map<String, Tally> current, Map<String, Tally> former, String key) {
        Tally tally = current.get(key);
        return tally != null ? tally : former.computeIfAbsent(key, k -> new Tally());
    }

    /** The counts of one criterion while the rows are read. */
    private static final class Tally {

        private final long[] verdicts = new long[Verdict.values().length];
        private long overridden;
        private long correct;
        private long incorrect;
        private long onPass;
        private long wrongPass;
        private long onFail;
        private long wrongFail;

        void count(Outcomes.Outcome outcome) {
            verdicts[outcome.machine().ordinal()]++;
            if (outcome.reviewed() != null && outcome.reviewed() != outcome.machine()) {
                overridden++;
            }
        }

        void count(Outcomes.FeedbackCount feedback) {
            long n = feedback.count();
            if (feedback.correct()) {
                correct += n;
            } else {
                incorrect += n;
            }
            if (feedback.machine() == Verdict.PASS) {
                onPass += n;
                wrongPass += feedback.correct() ? 0 : n;
            } else if (feedback.machine() == Verdict.FAIL) {
                onFail += n;
                wrongFail += feedback.correct() ? 0 : n;
            }
        }

        CriterionInsight insight() {
            long assessed = 0;
            for (long n : verdicts) {
                assessed += n;
            }
            return new CriterionInsight(assessed, verdicts[Verdict.PASS.ordinal()], verdicts[Verdict.FAIL.ordinal()],
                    verdicts[Verdict.NEEDS_REVIEW.ordinal()], verdicts[Verdict.NOT_APPLICABLE.ordinal()], overridden,
                    new CriterionInsight.FeedbackCounts(correct, incorrect), rate(wrongPass, onPass),
                    rate(wrongFail, onFail));
        }

        private static Double rate(long wrong, long all) {
            return all == 0 ? null : (double) wrong / all;
        }
    }
}
