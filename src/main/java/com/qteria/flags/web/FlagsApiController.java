package com.qteria.flags.web;

import com.qteria.flags.FeatureFlags;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organization's feature flags, for its admins: the organization's switch and each person's own. */
@RestController
@Tag(name = "Feature flags", description = "For admins: switch features that ship hidden on or off for the "
        + "organization or for single people (docs/feature-flags.md).")
@RequestMapping("/api/v1/feature-flags")
@PreAuthorize("hasRole('ADMIN')")
class FlagsApiController {

    private final FeatureFlags flags;

    FlagsApiController(FeatureFlags flags) {
        this.flags = flags;
    }

    @GetMapping
    @Operation(operationId = "listFeatureFlags", summary = "The flags with the organization's and its people's switches")
    PageResponse<FeatureFlags.FlagView> list(@AuthenticationPrincipal CurrentUser admin) {
        return PageResponse.all(flags.organization(admin.tenantId()));
    }

    @PutMapping("/{key}")
    @Operation(operationId = "switchFeatureFlagForOrganization",
            summary = "Switch a flag on or off for the organization; enabled null: back to the global value")
    @ApiResponse(responseCode = "200", description = "The flag as the organization has it now.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    FeatureFlags.FlagView organization(@AuthenticationPrincipal CurrentUser admin,
            @Parameter(description = "The flag's key, such as shared_report_pdf.") @PathVariable String key,
            @RequestBody FlagSwitch change) {
        return flags.switchForOrganization(admin, key, change.enabled());
    }

    @PutMapping("/{key}/users/{id}")
    @Operation(operationId = "switchFeatureFlagForUser",
            summary = "Switch a flag on or off for one person; enabled null: back to the organization's value")
    @ApiResponse(responseCode = "200", description = "The flag as the organization has it now.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    FeatureFlags.FlagView user(@AuthenticationPrincipal CurrentUser admin,
            @Parameter(description = "The flag's key, such as shared_report_pdf.") @PathVariable String key,
            @Parameter(description = "The id of a person of the caller's organization.") @PathVariable UUID id,
            @RequestBody FlagSwitch change) {
        return flags.switchForUser(admin, key, id, change.enabled());
    }
}
