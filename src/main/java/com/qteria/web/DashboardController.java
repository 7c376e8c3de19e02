package com.qteria.web;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.IdentityManagement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    private final IdentityManagement identity;

    DashboardController(IdentityManagement identity) {
        this.identity = identity;
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("organization", identity.organization(user.tenantId()));
        return "web/dashboard";
    }
}
