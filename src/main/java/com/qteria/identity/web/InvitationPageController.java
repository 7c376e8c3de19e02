package com.qteria.identity.web;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.accounts.InvitationCheck;
import com.qteria.identity.accounts.Onboarding;
import com.qteria.identity.accounts.Passwords;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page behind an invitation link, open without sign-in: the invitee chooses a password and is signed in. A link
 * that is unknown answers 404, one that is used, expired or replaced 410; both with the same page, which says to
 * ask an admin for a new invitation.
 */
@Controller
@RequestMapping("/invitations/{secret}")
class InvitationPageController {

    private static final String VIEW = "identity/invitation";

    private final Onboarding onboarding;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    InvitationPageController(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    /** The form posts back to the link it came from. */
    @ModelAttribute("secret")
    String secret(@PathVariable String secret) {
        return secret;
    }

    @GetMapping
    String show(@PathVariable String secret, Model model, HttpServletResponse response) {
        model.addAttribute("form", new PasswordForm("", ""));
        return render(onboarding.check(secret), model, response);
    }

    @PostMapping
    String accept(@PathVariable String secret, @Validated @ModelAttribute("form") PasswordForm form,
            BindingResult binding, Model model, HttpServletRequest request, HttpServletResponse response) {
        InvitationCheck check = onboarding.check(secret);
        if (!(check instanceof InvitationCheck.Open)) {
            return render(check, model, response);
        }
        validate(form, binding);
        if (binding.hasErrors()) {
            return render(check, model, response);
        }
        Optional<CurrentUser> user;
        try {
            user = onboarding.accept(secret, form.password());
        } catch (ApiProblem problem) {
            problem.errors().stream().map(FieldError::message).forEach(m -> binding.rejectValue("password", "invalid", m));
            return render(check, model, response);
        }
        if (user.isEmpty()) {
            return render(new InvitationCheck.NoLongerValid(), model, response);
        }
        signIn(user.get(), request, response);
        return "redirect:/";
    }

    private static String render(InvitationCheck check, Model model, HttpServletResponse response) {
        switch (check) {
            case InvitationCheck.Open open -> model.addAttribute("invitation", open);
            case InvitationCheck.Unknown unknown -> response.setStatus(HttpStatus.NOT_FOUND.value());
            case InvitationCheck.NoLongerValid spent -> response.setStatus(HttpStatus.GONE.value());
        }
        return VIEW;
    }

    private static void validate(PasswordForm form, BindingResult binding) {
        if (form.password() != null && form.password().length() < Passwords.MIN_LENGTH) {
            binding.rejectValue("password", "invitation.tooShort", new Object[] {Passwords.MIN_LENGTH},
                    "Use at least " + Passwords.MIN_LENGTH + " characters.");
        }
        if (form.password() != null && !form.password().equals(form.passwordConfirmation())) {
            binding.rejectValue("passwordConfirmation", "invitation.mismatch", "The passwords do not match.");
        }
    }

    /** As after the one-time setup: the context goes into the session, under a new id if a session existed. */
    private void signIn(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority()))));
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        contexts.saveContext(context, request, response);
    }

    record PasswordForm(@NotBlank @Size(max = Passwords.MAX_LENGTH) String password,
            @NotBlank String passwordConfirmation) {
    }
}
