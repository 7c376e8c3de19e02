package com.qteria.retention.web;

import com.qteria.identity.CurrentUser;
import com.qteria.retention.RetentionSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organization's data retention policy and its dry run, for its admins. */
@RestController
@Tag(name = "Retention settings", description = "The organization's data retention policy, for its admins.")
@RequestMapping("/api/v1/retention-settings")
@PreAuthorize("hasRole('ADMIN')")
class RetentionApiController {

    private final RetentionSettings settings;

    RetentionApiController(RetentionSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(operationId = "getRetentionSettings", summary = "Get the organization's data retention policy")
    RetentionSettings.RetentionView get(@AuthenticationPrincipal CurrentUser admin) {
        return settings.get(admin.tenantId());
    }

    @PutMapping
    @Operation(operationId = "updateRetentionSettings", summary = "Change the organization's data retention policy",
            description = "document_days from 1 to 3650, or null to keep documents for ever; assessments keep_results "
                    + "(the default) or delete.")
    RetentionSettings.RetentionView update(@AuthenticationPrincipal CurrentUser admin,
            @RequestBody RetentionSettings.UpdateRetention update) {
        return settings.update(admin, update);
    }

    @GetMapping("/preview")
    @Operation(operationId = "previewRetention",
            summary = "What the daily retention run would delete if it ran now (a dry run)")
    RetentionSettings.RetentionPreview preview(@AuthenticationPrincipal CurrentUser admin) {
        return settings.preview(admin.tenantId());
    }
}
