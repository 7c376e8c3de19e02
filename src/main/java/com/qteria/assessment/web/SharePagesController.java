package com.qteria.assessment.web;

import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.share.ShareLinks;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.ApiProblem;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The results page's "Share" section, an htmx fragment: create a link (shown once, with a copy button), the links so
 * far with their expiry and views, revoke. Every role may share, like the API.
 */
@Controller
@PreAuthorize("hasRole('PROJECT_HANDLER')")
class SharePagesController {

    private final ShareLinks shares;
    private final Clock clock;

    SharePagesController(ShareLinks shares, Clock clock) {
        this.shares = shares;
        this.clock = clock;
    }

    @GetMapping("/assessments/{id}/shares")
    String list(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id, Model model) {
        return section(user, id, model);
    }

    @PostMapping("/assessments/{id}/shares")
    String create(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            @RequestParam(name = "expires_in_days", required = false) Integer days, Model model) {
        try {
            model.addAttribute("created", shares.create(user, id, days));
        } catch (ApiProblem problem) {
            if (problem.errors().isEmpty()) {
                throw problem;
            }
            model.addAttribute("shareProblem", true);
        }
        return section(user, id, model);
    }

    @PostMapping("/shares/{id}/revoke")
    String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam("assessment") AssessmentId assessment, Model model) {
        shares.revoke(user, id);
        return section(user, assessment, model);
    }

    private String section(CurrentUser user, AssessmentId id, Model model) {
        model.addAttribute("assessmentId", id);
        model.addAttribute("shares", shares.list(user.tenantId(), id));
        model.addAttribute("now", clock.instant());
        model.addAttribute("expiryChoices", java.util.List.of(1, 7, 14, 30));
        return "assessment/share :: section";
    }
}
