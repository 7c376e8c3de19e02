package com.qteria.demo.web;

import com.qteria.demo.SampleContent;
import com.qteria.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Load the samples" on the empty dashboard: creates workflows, so it is for process managers and admins. */
@Controller
class SamplesController {

    private final SampleContent samples;

    SamplesController(SampleContent samples) {
        this.samples = samples;
    }

    @PostMapping("/samples")
    @PreAuthorize("hasRole('PROCESS_MANAGER')")
    String load(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        SampleContent.Loaded loaded = samples.load(user);
        redirect.addFlashAttribute("notice", "samples.loaded");
        redirect.addFlashAttribute("noticeArgument", loaded.documents());
        return "redirect:/documents";
    }
}
