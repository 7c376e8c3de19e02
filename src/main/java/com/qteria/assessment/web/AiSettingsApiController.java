package com.qteria.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import com.qteria.assessment.AiPolicy;
import com.qteria.identity.CurrentUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organization's AI provider, model and monthly budget, for its admins. */
@RestController
@Tag(name = "AI settings", description = "The organization's AI provider, model and monthly budget, for its admins.")
@RequestMapping("/api/v1/ai-settings")
@PreAuthorize("hasRole('ADMIN')")
class AiSettingsApiController {

    private final AiPolicy policy;

    AiSettingsApiController(AiPolicy policy) {
        this.policy = policy;
    }

    @GetMapping
    @Operation(operationId = "getAiSettings", summary = "Get the organization's AI provider, model and monthly budget")
    AiPolicy.OrganizationAi get(@AuthenticationPrincipal CurrentUser admin) {
        return policy.get(admin.tenantId());
    }

    @PutMapping
    @Operation(operationId = "updateAiSettings",
            summary = "Change the organization's AI provider, model or monthly budget")
    AiPolicy.OrganizationAi update(@AuthenticationPrincipal CurrentUser admin, @RequestBody AiPolicy.UpdateAi update) {
        return policy.update(admin, update);
    }
}
