package com.qteria.identity.web;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.accounts.Accounts;
import com.qteria.identity.accounts.Passwords;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** The sign-in page and the one-time setup (first organization and admin) that precedes it on a fresh install. */
@Controller
class SignInPageController {

    private final Accounts accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SignInPageController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login(Authentication authentication) {
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.isAuthenticated()) {
            return "redirect:/";
        }
        return "identity/login";
    }

    @GetMapping("/setup")
    String setup(Model model) {
        requireSetupDue();
        model.addAttribute("form", new SetupForm("", "", "", "", ""));
        return "identity/setup";
    }

    @PostMapping("/setup")
    String setUp(@Validated @ModelAttribute("form") SetupForm form, BindingResult binding, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        requireSetupDue();
        if (form.password() != null && !form.password().equals(form.passwordConfirmation())) {
            binding.rejectValue("passwordConfirmation", "mismatch", "The passwords do not match.");
        }
        if (form.password() != null && form.password().length() < Passwords.MIN_LENGTH) {
            binding.rejectValue("password", "short", "Use at least " + Passwords.MIN_LENGTH + " characters.");
        }
        if (binding.hasErrors()) {
            return "identity/setup";
        }
        CurrentUser admin;
        try {
            admin = accounts.setUp(form.organization(), form.email(), form.name(), form.password(), form.email());
        } catch (ApiProblem problem) {
            for (FieldError error : problem.errors()) {
                binding.reject("setup", error.message());
            }
            if (problem.errors().isEmpty()) {
                binding.reject("setup", problem.getMessage());
            }
            return "identity/setup";
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null,
                List.of(new SimpleGrantedAuthority(admin.role().authority()))));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        return "redirect:/";
    }

    private void requireSetupDue() {
        if (!accounts.setupRequired()) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
    }

    record SetupForm(@NotBlank @Size(max = 200) String organization, @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = Passwords.MAX_LENGTH) String password,
            @NotBlank String passwordConfirmation) {
    }
}
