package com.qteria.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.identity.UserView;
import com.qteria.identity.accounts.Accounts;
import com.qteria.shared.Ids;
import com.qteria.shared.PageResponse;
import com.qteria.shared.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The organization's users, for its admins. */
@RestController
@Tag(name = "Users")
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class UsersApiController {

    private final Accounts accounts;

    UsersApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    PageResponse<UserView> list(@AuthenticationPrincipal CurrentUser admin,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return PageResponse.of(accounts.users(admin.tenantId(), paging.number(), paging.size()), paging,
                accounts.countUsers(admin.tenantId()));
    }

    @GetMapping("/{id}")
    UserView get(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id) {
        return accounts.user(admin, Ids.parseOrNotFound(id, "User"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@AuthenticationPrincipal CurrentUser admin, @Valid @RequestBody CreateUserRequest request) {
        return accounts.createUser(admin, request.email(), request.name(), request.role(), request.password());
    }

    @PatchMapping("/{id}")
    UserView update(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id,
            @Valid @RequestBody UpdateUserRequest request) {
        return accounts.updateUser(admin, Ids.parseOrNotFound(id, "User"), request.role(), request.active(),
                request.name());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id) {
        accounts.deactivate(admin, Ids.parseOrNotFound(id, "User"));
    }

    record CreateUserRequest(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 200) String name,
            @NotNull Role role, String password) {
    }

    record UpdateUserRequest(Role role, Boolean active,
            @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name) {
    }
}
