package com.qteria.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.qteria.identity.UserView;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.qteria.identity.accounts.Accounts;
import com.qteria.identity.accounts.Onboarding;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The platform operator creates organizations and their first admin; nothing else. */
@RestController
@Tag(name = "Organizations (operator)",
        description = "For the platform operator: create organizations and their first admin.")
@RequestMapping("/api/v1/organizations")
@PreAuthorize("hasRole('OPERATOR')")
class OrganizationsApiController {

    private final Accounts accounts;

    OrganizationsApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createOrganization", summary = "Create an organization and its first admin",
            description = "Only with the operator token. Without an admin password the admin is invited; when no "
                    + "mail server is configured, the answer carries the invitation link this once.")
    CreatedOrganization create(@Valid @RequestBody CreateOrganizationRequest request) {
        Accounts.CreatedOrganization created = accounts.createOrganization(request.name(), request.admin().email(),
                request.admin().name(), request.admin().password(), "operator");
        Onboarding.IssuedInvitation invitation = created.invitation();
        return new CreatedOrganization(created.organization().id(), created.organization().name(),
                created.organization().createdAt(), created.admin(),
                invitation != null ? invitation.expiresAt() : null, invitation != null ? invitation.link() : null);
    }

    record CreateOrganizationRequest(@NotBlank @Size(max = 200) String name, @NotNull @Valid Admin admin) {
        record Admin(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 200) String name,
                String password) {
            @Override
            public String toString() {
                return "Admin[email=" + email + ", name=" + name + ", password=" + (password != null ? "******" : null)
                        + "]";
            }
        }
    }

    /**
     * Without an admin password the admin is invited: {@code invitation_expires_at}, and {@code invitation_url}
     * (to pass on) only when no mail server is configured.
     */
    record CreatedOrganization(UUID id, String name, Instant createdAt, UserView admin,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant invitationExpiresAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String invitationUrl) {
    }
}
