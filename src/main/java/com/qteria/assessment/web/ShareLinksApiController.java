package com.qteria.assessment.web;

import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.share.ShareLinks;
import com.qteria.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Share links per API.md: every role shares its organization's completed assessments, lists and revokes the links. */
@RestController
@Tag(name = "Assessments")
@PreAuthorize("hasRole('PROJECT_HANDLER')")
class ShareLinksApiController {

    private final ShareLinks shares;

    ShareLinksApiController(ShareLinks shares) {
        this.shares = shares;
    }

    @PostMapping("/api/v1/assessments/{id}/shares")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "shareAssessment", summary = "Create a link to an assessment's read-only report",
            description = "Anyone with the url sees the report at /s/{token} without signing in, until the link "
                    + "expires (expires_in_days, 1 to 30, 7 when left out) or is revoked. The url is given only "
                    + "here, once; only a hash of its secret is kept. 409 ASSESSMENT_NOT_READY until the assessment "
                    + "has completed; another organization's assessment is 404.")
    @ApiResponse(responseCode = "201", description = "The link, with its url shown this once.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/AssessmentNotReady")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/ValidationFailed")
    ShareLinks.CreatedShare create(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            @RequestBody(required = false) ShareRequest request) {
        return shares.create(user, id, request == null ? null : request.expiresInDays());
    }

    @GetMapping("/api/v1/assessments/{id}/shares")
    @Operation(operationId = "listAssessmentShares", summary = "List an assessment's share links",
            description = "Newest first, expired and revoked ones included, with how often each was viewed; never "
                    + "the links themselves.")
    @ApiResponse(responseCode = "200", description = "The links.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    Shares list(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id) {
        return new Shares(shares.list(user.tenantId(), id));
    }

    @DeleteMapping("/api/v1/shares/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeShare", summary = "Revoke a share link",
            description = "The link's report answers 404 from now on. Revoking a revoked link changes nothing; "
                    + "another organization's link is 404.")
    @ApiResponse(responseCode = "204", description = "The link was revoked.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    void revoke(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "The share link's id.") @PathVariable UUID id) {
        shares.revoke(user, id);
    }

    /** How long the link lives: 1 to 30 days, 7 when left out. */
    record ShareRequest(Integer expiresInDays) {
    }

    /** An assessment's share links. */
    record Shares(List<ShareLinks.ShareView> items) {
    }
}
