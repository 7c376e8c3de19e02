package com.qteria.web;

import com.qteria.assessment.AssessmentFilter;
import com.qteria.assessment.AssessmentManagement;
import com.qteria.assessment.AssessmentStatistics;
import com.qteria.assessment.AssessmentStatus;
import com.qteria.assessment.AssessmentView;
import com.qteria.assessment.DateRange;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.IdentityManagement;
import com.qteria.shared.Paging;
import com.qteria.workflow.WorkflowManagement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard: the assessments under way with their progress (refreshed by htmx polling {@code /dashboard/running}
 * while any is under way), the recent ones, this week's counts per status (the week starts on Monday, UTC) and the
 * outcomes per workflow of the last {@value #CHART_DAYS} days as a chart and as a table.
 */
@Controller
class DashboardController {

    static final int CHART_DAYS = 30;
    private static final int RUNNING_SHOWN = 10;

    private final IdentityManagement identity;
    private final WorkflowManagement workflows;
    private final AssessmentManagement assessments;
    private final AssessmentStatistics statistics;
    private final Clock clock;

    DashboardController(IdentityManagement identity, WorkflowManagement workflows, AssessmentManagement assessments,
            AssessmentStatistics statistics, Clock clock) {
        this.identity = identity;
        this.workflows = workflows;
        this.assessments = assessments;
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal CurrentUser user, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("organization", identity.organization(user.tenantId()));
        model.addAttribute("recent", assessments.list(user.tenantId(), AssessmentFilter.ALL, Paging.of(0, 5)).items());
        model.addAttribute("workflowCount", workflows.list(user.tenantId(), "", false, Paging.of(0, 1)).page().totalItems());
        model.addAttribute("week", statistics.started(user.tenantId(),
                new DateRange(today.with(DayOfWeek.MONDAY), null)));
        model.addAttribute("outcomes", statistics.outcomes(user.tenantId(),
                new DateRange(today.minusDays(CHART_DAYS - 1), null)));
        model.addAttribute("chartDays", CHART_DAYS);
        addRunning(user, model);
        return "web/dashboard";
    }

    /** The card of the assessments under way, for htmx to poll while any is. */
    @GetMapping("/dashboard/running")
    String running(@AuthenticationPrincipal CurrentUser user, Model model) {
        addRunning(user, model);
        return "web/dashboard :: running";
    }

    private void addRunning(CurrentUser user, Model model) {
        List<AssessmentView> underWay = new ArrayList<>();
        for (AssessmentStatus status : List.of(AssessmentStatus.RUNNING, AssessmentStatus.QUEUED)) {
            underWay.addAll(assessments.list(user.tenantId(), new AssessmentFilter(status.value(), null, "",
                    DateRange.ALWAYS), Paging.of(0, RUNNING_SHOWN)).items());
        }
        model.addAttribute("running", underWay.subList(0, Math.min(RUNNING_SHOWN, underWay.size())));
    }
}
