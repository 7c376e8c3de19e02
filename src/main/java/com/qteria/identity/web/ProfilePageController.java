package com.qteria.identity.web;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.UserPreferences;
import com.qteria.identity.accounts.Accounts;
import com.qteria.identity.accounts.Preferences;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own page (every role): who they are, and their e-mail preference. */
@Controller
@RequestMapping("/profile")
@PreAuthorize("hasRole('PROJECT_HANDLER')")
class ProfilePageController {

    private final Accounts accounts;
    private final Preferences preferences;

    ProfilePageController(Accounts accounts, Preferences preferences) {
        this.accounts = accounts;
        this.preferences = preferences;
    }

    @GetMapping
    String show(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("organization", accounts.organization(user.tenantId()).name());
        model.addAttribute("preferences", preferences.of(user));
        return "identity/profile";
    }

    /** An unticked checkbox is not sent at all: its absence means off. */
    @PostMapping("/preferences")
    String change(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "false") boolean emailOnCompletion, RedirectAttributes redirect) {
        preferences.change(user, new UserPreferences(emailOnCompletion));
        redirect.addFlashAttribute("notice", "profile.saved");
        return "redirect:/profile";
    }
}
