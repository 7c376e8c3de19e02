package com.qteria.web;

import com.qteria.identity.CurrentUser;
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

    DashboardController(IdentityManagement identity, WorkflowManagement workflows) {
        this.identity = identity;
        this.workflows = workflows;
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("organization", identity.organization(user.tenantId()));
        model.addAttribute("workflowCount", workflows.list(user.tenantId(), "", false, Paging.of(0, 1)).page().totalItems());
        return "web/dashboard";
    }
}
