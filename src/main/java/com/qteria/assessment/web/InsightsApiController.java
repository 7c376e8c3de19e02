package com.qteria.assessment.web;

import com.qteria.assessment.AssessmentInsights;
import com.qteria.assessment.CriterionInsight;
import com.qteria.assessment.InsightPeriod;
import com.qteria.identity.CurrentUser;
import com.qteria.workflow.WorkflowId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Insights per API.md: for process managers and admins, how each criterion of a workflow fared over a period. */
@RestController
@Tag(name = "Assessments")
@PreAuthorize("hasRole('PROCESS_MANAGER')")
class InsightsApiController {

    private final AssessmentInsights insights;
    private final Clock clock;

    InsightsApiController(AssessmentInsights insights, Clock clock) {
        this.insights = insights;
        this.clock = clock;
    }

    @GetMapping("/api/v1/workflows/{id}/insights")
    @Operation(operationId = "getWorkflowInsights", summary = "How each criterion of a workflow fared over a period",
            description = """
                    An object keyed by criterion key (the current version's criteria in their order, then keys only \
                    older versions had), each {assessed, passed, failed, needs_review, not_applicable, overridden, \
                    feedback: {correct, incorrect}, false_pass_rate, false_fail_rate}. Counted over the workflow's \
                    completed assessments (any version) that finished between from and to (UTC days, both \
                    included; default the last 90 days up to today). assessed: their results for the criterion; \
                    passed, failed, needs_review and not_applicable split them by the machine's verdict (reviews do \
                    not change them) and add up to assessed. overridden: results whose review verdict differs from \
                    the machine's. feedback: the answers to "Was this correct?" on those results, each answer \
                    counted. false_pass_rate: incorrect answers on results the machine passed divided by all answers \
                    on results the machine passed, null when there are none; false_fail_rate the same for fails. \
                    Process managers and admins only (403 for project handlers); 404 for a workflow of another \
                    organization; 422 when from or to is not a date (YYYY-MM-DD) or from is after to.""")
    @ApiResponse(responseCode = "200", description = "The figures per criterion key.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/ValidationFailed")
    Map<String, CriterionInsight> insights(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id,
            @Parameter(description = "First day counted, YYYY-MM-DD (UTC); default 89 days before to.")
            @RequestParam(required = false) String from,
            @Parameter(description = "Last day counted, YYYY-MM-DD (UTC); default today.")
            @RequestParam(required = false) String to) {
        return insights.of(user.tenantId(), id, InsightPeriod.parse(from, to, LocalDate.now(clock)));
    }
}
