package com.qteria.flags.web;

import com.qteria.flags.FeatureFlags;
import com.qteria.shared.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform operator's switches: a flag on or off for every organization that has not switched it itself. */
@RestController
@Tag(name = "Feature flags (operator)",
        description = "For the platform operator: switch a flag for everyone (docs/feature-flags.md).")
@RequestMapping("/api/v1/feature-flags")
@PreAuthorize("hasRole('OPERATOR')")
class GlobalFlagsApiController {

    private final FeatureFlags flags;

    GlobalFlagsApiController(FeatureFlags flags) {
        this.flags = flags;
    }

    @GetMapping("/global")
    @Operation(operationId = "listGlobalFeatureFlags", summary = "The flags with their defaults and global switches")
    PageResponse<FeatureFlags.GlobalFlagView> list() {
        return PageResponse.all(flags.global());
    }

    @PutMapping("/{key}/global")
    @Operation(operationId = "switchFeatureFlagGlobally",
            summary = "Switch a flag on or off for everyone; enabled null: back to its default")
    @ApiResponse(responseCode = "200", description = "The flag as everyone has it now.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    FeatureFlags.GlobalFlagView global(
            @Parameter(description = "The flag's key, such as shared_report_pdf.") @PathVariable String key,
            @RequestBody FlagSwitch change) {
        return flags.switchGlobally(key, change.enabled(), "operator");
    }
}
