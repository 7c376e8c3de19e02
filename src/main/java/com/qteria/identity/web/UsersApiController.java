package com.qteria.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.identity.UserView;
import com.qteria.identity.accounts.Accounts;
import com.qteria.identity.accounts.Onboarding;
import com.qteria.shared.Ids;
import com.qteria.shared.PageResponse;
import com.qteria.shared.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The organization's users, for its admins. */
@RestController
@Tag(name = "Users", description = "The organization's users and their roles, for its admins.")
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class UsersApiController {

    private static final String USER_ID = "The user's id.";

    private final Accounts accounts;
    private final Onboarding onboarding;

    UsersApiController(Accounts accounts, Onboarding onboarding) {
        this.accounts = accounts;
        this.onboarding = onboarding;
    }

    @GetMapping
    @Operation(operationId = "listUsers", summary = "List the organization's users")
    PageResponse<UserView> list(@AuthenticationPrincipal CurrentUser admin, Paging paging) {
        return PageResponse.of(accounts.users(admin.tenantId(), paging.number(), paging.size()), paging,
                accounts.countUsers(admin.tenantId()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getUser", summary = "Get a user")
    UserView get(@AuthenticationPrincipal CurrentUser admin,
            @Parameter(description = USER_ID) @PathVariable String id) {
        return accounts.user(admin, Ids.parseOrNotFound(id, "User"));
    }

    /** Without a password the user is invited; see {@link CreatedUser} for what the answer tells about it. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createUser", summary = "Add a user",
            description = "With a password the user can sign in at once. Without one they are invited by e-mail; "
                    + "when no mail server is configured, the answer carries the invitation link this once.")
    CreatedUser create(@AuthenticationPrincipal CurrentUser admin, @Valid @RequestBody CreateUserRequest request) {
        return CreatedUser.of(accounts.addUser(admin, request.email(), request.name(), request.role(),
                request.password()));
    }

    /** A new invitation for a user without a password; older links stop working. */
    @PostMapping("/{id}/invitation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "inviteUser", summary = "Send a user a new invitation",
            description = "For an active user without a password; older invitation links stop working.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    InvitationResponse invite(@AuthenticationPrincipal CurrentUser admin,
            @Parameter(description = USER_ID) @PathVariable String id) {
        return InvitationResponse.of(onboarding.reinvite(admin, Ids.parseOrNotFound(id, "User")));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateUser", summary = "Change a user's role, name or active state",
            description = "Only the fields sent change. The organization's last active admin cannot lose that: 409.")
    @ApiResponse(responseCode = "200", description = "The changed user.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    UserView update(@AuthenticationPrincipal CurrentUser admin,
            @Parameter(description = USER_ID) @PathVariable String id,
            @Valid @RequestBody UpdateUserRequest request) {
        return accounts.updateUser(admin, Ids.parseOrNotFound(id, "User"), request.role(), request.active(),
                request.name());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deactivateUser", summary = "Deactivate a user",
            description = "The user can no longer sign in and their tokens stop working; their audit trail is kept. "
                    + "The organization's last active admin cannot be deactivated: 409.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    void deactivate(@AuthenticationPrincipal CurrentUser admin,
            @Parameter(description = USER_ID) @PathVariable String id) {
        accounts.deactivate(admin, Ids.parseOrNotFound(id, "User"));
    }

    /** The password stays out of {@code toString}: Spring MVC logs request bodies at DEBUG level. */
    record CreateUserRequest(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 200) String name,
            @NotNull Role role, String password) {
        @Override
        public String toString() {
            return "CreateUserRequest[email=" + email + ", name=" + name + ", role=" + role + ", password="
                    + (password == null ? "none" : "******") + "]";
        }
    }

    /**
     * The created user. When invited: {@code invitation_expires_at}, and {@code invitation_url} only when no mail
     * server is configured — the link is shown this once for the admin to pass on. With mail it is never answered.
     */
    record CreatedUser(UUID id, String email, String name, Role role, boolean active, Instant createdAt,
            Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Instant invitationExpiresAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String invitationUrl) {

        static CreatedUser of(Accounts.NewUser created) {
            UserView user = created.user();
            Onboarding.IssuedInvitation invitation = created.invitation();
            return new CreatedUser(user.id(), user.email(), user.name(), user.role(), user.active(), user.createdAt(),
                    user.updatedAt(), invitation != null ? invitation.expiresAt() : null,
                    invitation != null ? invitation.link() : null);
        }
    }

    /** {@code delivery} is {@code email} or {@code link}; {@code invitation_url} only with {@code link}. */
    record InvitationResponse(UUID userId, String email, Instant expiresAt, String delivery,
            @JsonInclude(JsonInclude.Include.NON_NULL) String invitationUrl) {

        static InvitationResponse of(Onboarding.IssuedInvitation invitation) {
            return new InvitationResponse(invitation.userId(), invitation.email(), invitation.expiresAt(),
                    invitation.byEmail() ? "email" : "link", invitation.link());
        }
    }

    record UpdateUserRequest(Role role, Boolean active,
            @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name) {
    }
}
