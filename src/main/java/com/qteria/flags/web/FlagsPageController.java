package com.qteria.flags.web;

import com.qteria.flags.FeatureFlags;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.IdentityManagement;
import com.qteria.identity.UserView;
import com.qteria.shared.ApiProblem;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of the organization's feature flags: each flag with its default and global value, the
 * organization's switch (default, on, off) and the people switched for themselves, who can be added and removed.
 */
@Controller
@RequestMapping("/admin/flags")
@PreAuthorize("hasRole('ADMIN')")
class FlagsPageController {

    private final FeatureFlags flags;
    private final IdentityManagement identity;

    FlagsPageController(FeatureFlags flags, IdentityManagement identity) {
        this.flags = flags;
        this.identity = identity;
    }

    @GetMapping
    String show(@AuthenticationPrincipal CurrentUser admin, Model model) {
        model.addAttribute("flags", flags.organization(admin.tenantId()));
        model.addAttribute("people", identity.people(admin.tenantId()).stream().filter(UserView::active).toList());
        return "flags/flags";
    }

    /** The organization's switch; {@code state} default, on or off. */
    @PostMapping("/{key}")
    String organization(@AuthenticationPrincipal CurrentUser admin, @PathVariable String key,
            @RequestParam String state, RedirectAttributes redirect) {
        flags.switchForOrganization(admin, key, position(state));
        redirect.addFlashAttribute("notice", "flags.saved");
        return "redirect:/admin/flags";
    }

    /** One person's switch; {@code state} default (removes it), on or off. */
    @PostMapping("/{key}/users")
    String user(@AuthenticationPrincipal CurrentUser admin, @PathVariable String key, @RequestParam UUID user,
            @RequestParam String state, RedirectAttributes redirect) {
        flags.switchForUser(admin, key, user, position(state));
        redirect.addFlashAttribute("notice", "flags.saved");
        return "redirect:/admin/flags";
    }

    private static Boolean position(String state) {
        return switch (state) {
            case "on" -> true;
            case "off" -> false;
            case "default" -> null;
            default -> throw ApiProblem.validation("state", "on, off or default");
        };
    }
}
