package com.qteria.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.OrganizationView;
import com.qteria.identity.UserPreferences;
import com.qteria.identity.accounts.Accounts;
import com.qteria.identity.accounts.Preferences;
import com.qteria.identity.persistence.AccessToken;
import com.qteria.identity.security.Tokens;
import com.qteria.shared.Ids;
import com.qteria.shared.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller themself: who they are, their preferences and their personal access tokens. */
@RestController
@Tag(name = "Me and personal access tokens",
        description = "The caller themself: who they are, their preferences, and their personal access tokens for "
                + "scripts and integrations.")
@RequestMapping("/api/v1/me")
@PreAuthorize("hasRole('PROJECT_HANDLER')")
class MeApiController {

    private final Accounts accounts;
    private final Tokens tokens;
    private final Preferences preferences;

    MeApiController(Accounts accounts, Tokens tokens, Preferences preferences) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(operationId = "getMe", summary = "Get the caller: user, role and organization")
    Me me(@AuthenticationPrincipal CurrentUser user) {
        OrganizationView organization = accounts.organization(user.tenantId());
        return new Me(user.id(), user.email(), user.name(), user.role().key(),
                new Me.Organization(organization.id(), organization.name()));
    }

    @GetMapping("/preferences")
    @Operation(operationId = "getPreferences", summary = "Get the caller's preferences",
            description = "email_on_completion: whether the caller gets an e-mail when an assessment they started "
                    + "completes or fails (true unless they turned it off).")
    UserPreferences preferences(@AuthenticationPrincipal CurrentUser user) {
        return preferences.of(user);
    }

    @PutMapping("/preferences")
    @Operation(operationId = "updatePreferences", summary = "Change the caller's preferences",
            description = "Answers the preferences as stored. Only the caller's own; every role.")
    UserPreferences changePreferences(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody PreferencesRequest request) {
        return preferences.change(user, new UserPreferences(request.emailOnCompletion()));
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createPersonalToken", summary = "Create a personal access token",
            description = "The token is answered this once; only its hash is stored. It expires after "
                    + "expires_in_days (1 to 365).")
    CreatedToken create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CreateTokenRequest request) {
        Tokens.IssuedToken token = tokens.createPersonal(user, request.name(), request.expiresInDays());
        return new CreatedToken(token.id(), token.name(), token.value(), token.expiresAt());
    }

    @GetMapping("/tokens")
    @Operation(operationId = "listPersonalTokens", summary = "List the caller's personal access tokens",
            description = "Names, dates and last use; never the token values. All in one page.")
    PageResponse<TokenSummary> list(@AuthenticationPrincipal CurrentUser user) {
        List<TokenSummary> items = tokens.personalTokens(user).stream().map(TokenSummary::of).toList();
        return PageResponse.all(items);
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokePersonalToken", summary = "Revoke a personal access token")
    void revoke(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "The token's id.") @PathVariable String id) {
        tokens.revokePersonal(user, Ids.parseOrNotFound(id, "Token"));
    }

    record Me(UUID id, String email, String name, String role, Organization organization) {
        record Organization(UUID id, String name) {
        }
    }

    record PreferencesRequest(@NotNull Boolean emailOnCompletion) {
    }

    record CreateTokenRequest(@NotBlank @Size(max = 100) String name,
            @NotNull @Min(1) @Max(365) Integer expiresInDays) {
    }

    record CreatedToken(UUID id, String name, String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "CreatedToken[id=" + id + ", name=" + name + ", token=******, expiresAt=" + expiresAt + "]";
        }
    }

    record TokenSummary(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
        static TokenSummary of(AccessToken token) {
            return new TokenSummary(token.id(), token.name(), token.createdAt(), token.expiresAt(), token.lastUsedAt());
        }
    }
}
