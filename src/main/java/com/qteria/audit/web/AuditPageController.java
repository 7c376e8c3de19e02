package com.qteria.audit.web;

import com.qteria.audit.AuditLog;
import com.qteria.audit.AuditQuery;
import com.qteria.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit trail page for admins: the latest entries, chain verification and the CSV export. */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditPageController {

    private static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

    private final AuditLog log;

    AuditPageController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    String events(@AuthenticationPrincipal CurrentUser admin, Model model) {
        model.addAttribute("entries", log.find(admin.tenantId(), ALL, 200, 0));
        return "audit/events";
    }

    @PostMapping("/verify")
    String verify(@AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", log.verify(admin.tenantId()));
        return "redirect:/admin/audit";
    }

    @GetMapping("/export.csv")
    void export(@AuthenticationPrincipal CurrentUser admin, HttpServletResponse response) throws IOException {
        AuditCsv.write(log, admin.tenantId(), ALL, response);
    }
}
