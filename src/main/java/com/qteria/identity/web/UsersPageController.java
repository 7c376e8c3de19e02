package com.qteria.identity.web;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.identity.accounts.Accounts;
import com.qteria.identity.accounts.Onboarding;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import com.qteria.shared.Ids;
import com.qteria.shared.Paging;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page for the organization's users: list, create (with a password, or invited), resend an invitation,
 * change role, deactivate and reactivate.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UsersPageController {

    private final Accounts accounts;
    private final Onboarding onboarding;

    UsersPageController(Accounts accounts, Onboarding onboarding) {
        this.accounts = accounts;
        this.onboarding = onboarding;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser admin, @RequestParam(defaultValue = "0") int page, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewUserForm("", "", Role.PROJECT_HANDLER, ""));
        }
        return render(admin, page, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser admin, @Validated @ModelAttribute("form") NewUserForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                Accounts.NewUser created = accounts.addUser(admin, form.email(), form.name(), form.role(),
                        form.password());
                if (created.invitation() == null) {
                    redirect.addFlashAttribute("notice", "users.created");
                } else {
                    announce(created.invitation(), "users.invitationMailed", "users.invitationLinkCreated", redirect);
                }
                return "redirect:/admin/users";
            } catch (ApiProblem problem) {
                reject(binding, problem);
            }
        }
        return render(admin, 0, model);
    }

    @PostMapping("/{id}/invitation")
    String resendInvitation(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id,
            RedirectAttributes redirect) {
        try {
            Onboarding.IssuedInvitation invitation = onboarding.reinvite(admin, Ids.parseOrNotFound(id, "User"));
            announce(invitation, "users.invitationResentMailed", "users.invitationLinkResent", redirect);
        } catch (ApiProblem problem) {
            if (problem.code() == com.qteria.shared.ProblemCode.NOT_FOUND) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/admin/users";
    }

    /**
     * Says where the invitation went. Without a mail server the link is handed to the next page view once, as a
     * flash attribute, and is gone after that view.
     */
    private static void announce(Onboarding.IssuedInvitation invitation, String mailedNotice, String linkNotice,
            RedirectAttributes redirect) {
        if (invitation.byEmail()) {
            redirect.addFlashAttribute("notice", mailedNotice);
            redirect.addFlashAttribute("noticeArgument", invitation.email());
        } else {
            redirect.addFlashAttribute("notice", linkNotice);
            redirect.addFlashAttribute("invitationLink",
                    new ShownLink(invitation.email(), invitation.link(), invitation.expiresAt()));
        }
    }

    @PostMapping("/{id}/role")
    String changeRole(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id, @RequestParam Role role,
            RedirectAttributes redirect) {
        return change(admin, id, role, null, redirect);
    }

    @PostMapping("/{id}/active")
    String changeActive(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id,
            @RequestParam boolean active, RedirectAttributes redirect) {
        return change(admin, id, null, active, redirect);
    }

    private String change(CurrentUser admin, String id, Role role, Boolean active, RedirectAttributes redirect) {
        try {
            accounts.updateUser(admin, Ids.parseOrNotFound(id, "User"), role, active, null);
            redirect.addFlashAttribute("notice", "users.updated");
        } catch (ApiProblem problem) {
            if (problem.code() == com.qteria.shared.ProblemCode.NOT_FOUND) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/admin/users";
    }

    private String render(CurrentUser admin, int page, Model model) {
        Paging paging = Paging.of(Math.max(0, page), 50);
        model.addAttribute("users", accounts.users(admin.tenantId(), paging.number(), paging.size()));
        model.addAttribute("total", accounts.countUsers(admin.tenantId()));
        model.addAttribute("awaitingPassword", accounts.awaitingPassword(admin.tenantId()));
        model.addAttribute("roles", Role.values());
        return "identity/users";
    }

    private static void reject(BindingResult binding, ApiProblem problem) {
        for (FieldError error : problem.errors()) {
            binding.rejectValue(error.field().equals("password") || error.field().equals("email") ? error.field() : "email",
                    "invalid", error.message());
        }
        if (problem.errors().isEmpty()) {
            binding.reject("invalid", problem.getMessage());
        }
    }

    /** An invitation link shown once to the admin; serializable, as flash attributes live in the session. */
    record ShownLink(String email, String url, Instant expiresAt) implements Serializable {
    }

    record NewUserForm(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 200) String name,
            @NotNull Role role, String password) {

        /** An empty password field means "send an invitation" rather than a password of length zero. */
        @Override
        public String password() {
            return password == null || password.isEmpty() ? null : password;
        }
    }
}
