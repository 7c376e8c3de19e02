package com.qteria.web;

import com.qteria.identity.CurrentUser;
import com.qteria.assessment.AssessmentFilter;
import com.qteria.assessment.AssessmentManagement;
import com.qteria.identity.IdentityManagement;
import com.qteria.shared.Paging;
import com.qteria.workflow.WorkflowManagement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    private final IdentityManagement identity;
    private final WorkflowManagement workflows;
    private final AssessmentManagement assessments;

    DashboardController(IdentityManagement identity, WorkflowManagement workflows, AssessmentManagement assessments) {
        this.identity = identity;
        this.workflows = workflows;
        this.assessments = assessments;
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("organization", identity.organization(user.tenantId()));
        model.addAttribute("recent", assessments.list(user.tenantId(), AssessmentFilter.ALL, Paging.of(0, 5)).items());
        model.addAttribute("workflowCount", workflows.list(user.tenantId(), "", false, Paging.of(0, 1)).page().totalItems());
        return "web/dashboard";
    }
}
