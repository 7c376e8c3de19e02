package com.qteria.assessment.web;

import com.qteria.assessment.AiPolicy;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.ApiProblem;
import java.math.BigDecimal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page for the organization's AI provider, model and monthly budget. */
@Controller
@RequestMapping("/admin/ai")
@PreAuthorize("hasRole('ADMIN')")
class AiSettingsPageController {

    private final AiPolicy policy;

    AiSettingsPageController(AiPolicy policy) {
        this.policy = policy;
    }

    @GetMapping
    String show(@AuthenticationPrincipal CurrentUser admin, Model model) {
        AiPolicy.OrganizationAi ai = policy.get(admin.tenantId());
        model.addAttribute("ai", ai);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form(ai.provider() == null ? "" : ai.provider(),
                    ai.model() == null ? "" : ai.model(),
                    ai.monthlyBudgetUsd() == null ? "" : ai.monthlyBudgetUsd().toPlainString()));
        }
        return "assessment/ai-settings";
    }

    @PostMapping
    String update(@AuthenticationPrincipal CurrentUser admin, @RequestParam(defaultValue = "") String provider,
            @RequestParam(defaultValue = "") String model, @RequestParam(defaultValue = "") String budget,
            Model page, RedirectAttributes redirect) {
        Form form = new Form(provider, model, budget);
        try {
            policy.update(admin, new AiPolicy.UpdateAi(provider, model, amount(budget)));
            redirect.addFlashAttribute("notice", "ai.saved");
            return "redirect:/admin/ai";
        } catch (ApiProblem problem) {
            if (problem.fieldMessages().isEmpty()) {
                throw problem;
            }
            page.addAttribute("form", form);
            page.addAttribute("errors", problem.fieldMessages());
            return show(admin, page);
        }
    }

    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw ApiProblem.validation("monthly_budget_usd", "An amount in US dollars, such as 250 or 99.50.");
        }
    }

    /** What the form shows. */
    record Form(String provider, String model, String budget) {
    }
}
