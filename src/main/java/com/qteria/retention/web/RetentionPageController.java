package com.qteria.retention.web;

import com.qteria.identity.CurrentUser;
import com.qteria.retention.RetentionSettings;
import com.qteria.shared.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page "Data retention": the policy form and the dry run. */
@Controller
@RequestMapping("/admin/retention")
@PreAuthorize("hasRole('ADMIN')")
class RetentionPageController {

    private final RetentionSettings settings;

    RetentionPageController(RetentionSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    String show(@AuthenticationPrincipal CurrentUser admin, Model model) {
        RetentionSettings.RetentionView retention = settings.get(admin.tenantId());
        model.addAttribute("retention", retention);
        model.addAttribute("preview", settings.preview(admin.tenantId()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form(retention.documentDays() == null ? "forever" : "days",
                    retention.documentDays() == null ? "" : retention.documentDays().toString(),
                    retention.assessments().value()));
        }
        return "retention/retention";
    }

    @PostMapping
    String update(@AuthenticationPrincipal CurrentUser admin, @RequestParam(defaultValue = "days") String keep,
            @RequestParam(defaultValue = "") String days, @RequestParam(defaultValue = "") String assessments,
            Model page, RedirectAttributes redirect) {
        Form form = new Form(keep, days, assessments);
        try {
            settings.update(admin, new RetentionSettings.UpdateRetention(
                    "forever".equals(keep) ? null : number(days), assessments));
            redirect.addFlashAttribute("notice", "retention.saved");
            return "redirect:/admin/retention";
        } catch (ApiProblem problem) {
            if (problem.fieldMessages().isEmpty()) {
                throw problem;
            }
            page.addAttribute("form", form);
            page.addAttribute("errors", problem.fieldMessages());
            return show(admin, page);
        }
    }

    private static Integer number(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.validation("document_days", "A whole number of days, such as 730.");
        }
    }

    /** What the form shows; {@code keep} is {@code days} or {@code forever}. */
    record Form(String keep, String days, String assessments) {
    }
}
