package com.qteria.assessment.web;

import com.qteria.assessment.AssessmentInsights;
import com.qteria.assessment.CriterionInsight;
import com.qteria.assessment.InsightPeriod;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The insights page of a workflow: per criterion its counts and false-pass / false-fail rates over a period, in the
 * workflow's order or the noisiest first ({@code needs_review + overridden}). A bad period is said on the page, which
 * then shows the default period.
 */
@Controller
@PreAuthorize("hasRole('PROCESS_MANAGER')")
class InsightsPageController {

    private final AssessmentInsights insights;
    private final WorkflowManagement workflows;
    private final Clock clock;

    InsightsPageController(AssessmentInsights insights, WorkflowManagement workflows, Clock clock) {
        this.insights = insights;
        this.workflows = workflows;
        this.clock = clock;
    }

    /** One row of the table: the criterion's name where the current version has it, else its key. */
    record Row(String key, String name, CriterionInsight figures) {
    }

    @GetMapping("/workflows/{id}/insights")
    String insights(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String sort, Model model) {
        WorkflowView workflow = workflows.get(user.tenantId(), id);
        LocalDate today = LocalDate.now(clock);
        InsightPeriod period;
        try {
            period = InsightPeriod.parse(from, to, today);
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem.errors().stream().map(FieldError::message).distinct()
                    .collect(Collectors.joining(" ")));
            period = InsightPeriod.parse(null, null, today);
        }
        Map<String, String> names = workflow.criteria().stream()
                .collect(Collectors.toMap(Criterion::key, Criterion::name));
        List<Row> rows = new ArrayList<>();
        insights.of(user.tenantId(), id, period).forEach((key, figures) ->
                rows.add(new Row(key, names.getOrDefault(key, key), figures)));
        boolean byNoise = "noise".equals(sort);
        if (byNoise) {
            rows.sort(Comparator.comparingLong((Row r) -> r.figures().noise()).reversed());
        }
        model.addAttribute("workflow", workflow);
        model.addAttribute("period", period);
        model.addAttribute("rows", rows);
        model.addAttribute("byNoise", byNoise);
        model.addAttribute("assessed", rows.stream().anyMatch(r -> r.figures().assessed() > 0));
        return "assessment/insights";
    }
}
