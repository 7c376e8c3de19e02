package com.qteria.identity.web;

import com.qteria.identity.UserView;
import com.qteria.identity.accounts.Accounts;
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
@RequestMapping("/api/v1/organizations")
@PreAuthorize("hasRole('OPERATOR')")
class OrganizationsApiController {

    private final Accounts accounts;

    OrganizationsApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedOrganization create(@Valid @RequestBody CreateOrganizationRequest request) {
        Accounts.CreatedOrganization created = accounts.createOrganization(request.name(), request.admin().email(),
                request.admin().name(), request.admin().password(), "operator");
        return new CreatedOrganization(created.organization().id(), created.organization().name(),
                created.organization().createdAt(), created.admin());
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

    record CreatedOrganization(UUID id, String name, Instant createdAt, UserView admin) {
    }
}
