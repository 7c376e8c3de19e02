package com.qteria.workflow.web;

import com.qteria.identity.CurrentUser;
import com.qteria.shared.ApiProblem;
import com.qteria.platform.web.ListPages;
import com.qteria.shared.Paging;
import com.qteria.shared.ProblemCode;
import com.qteria.workflow.VersionSummary;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workflow pages every role reads — list, templates, a workflow at its current or an earlier version, its
 * history and the changes between two versions, export — and the writes that need no builder (start from a template,
 * import a file, archive), which are for process managers and admins.
 */
@Controller
@RequestMapping("/workflows")
@PreAuthorize("hasRole('PROJECT_HANDLER')")
class WorkflowPagesController {

    static final int PAGE_SIZE = 50;

    private final WorkflowManagement workflows;
    private final WorkflowFormats formats;
    private final MessageSource messages;

    WorkflowPagesController(WorkflowManagement workflows, WorkflowFormats formats, MessageSource messages) {
        this.workflows = workflows;
        this.formats = formats;
        this.messages = messages;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, ListPages.Query query,
            @RequestParam(defaultValue = "false") boolean archived, Model model) {
        ListPages.show(model, "workflows", query,
                workflows.list(user.tenantId(), query.q(), archived, query.paging(PAGE_SIZE)));
        model.addAttribute("archived", archived);
        model.addAttribute("activeCount", count(user, query, false));
        model.addAttribute("archivedCount", count(user, query, true));
        return "workflow/list";
    }

    private long count(CurrentUser user, ListPages.Query query, boolean archived) {
        return workflows.list(user.tenantId(), query.q(), archived, Paging.of(0, 1)).page().totalItems();
    }

    @GetMapping("/templates")
    String templates(Model model) {
        model.addAttribute("templates", workflows.templates());
        return "workflow/templates";
    }

    @PostMapping("/from-template")
    @PreAuthorize("hasRole('PROCESS_MANAGER')")
    String fromTemplate(@AuthenticationPrincipal CurrentUser user, @RequestParam String template,
            RedirectAttributes redirect) {
        WorkflowView created = workflows.createFromTemplate(user, template);
        redirect.addFlashAttribute("notice", "workflow.notice.fromTemplate");
        return "redirect:/workflows/" + created.id();
    }

    /** A workflow file as exported (JSON, or YAML by its name or type), imported as a new workflow. */
    @PostMapping("/import")
    @PreAuthorize("hasRole('PROCESS_MANAGER')")
    String importFile(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
            Locale locale, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("importProblem", messages.getMessage("workflow.import.noFile", null, locale));
            return "redirect:/workflows";
        }
        String filename = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        try {
            WorkflowInput input = formats.read(new String(file.getBytes(), StandardCharsets.UTF_8), formatOf(file));
            WorkflowView created = workflows.importWorkflow(user, input);
            redirect.addFlashAttribute("notice", "workflow.notice.imported");
            return "redirect:/workflows/" + created.id();
        } catch (ApiProblem problem) {
            if (problem.code() == ProblemCode.VALIDATION_FAILED) {
                ValidationMessages words = new ValidationMessages(messages, locale);
                redirect.addFlashAttribute("importProblem", messages.getMessage("workflow.import.invalid",
                        new Object[] {filename, problem.errors().size()}, locale));
                redirect.addFlashAttribute("importErrors", problem.errors().stream()
                        .map(e -> e.field() + ": " + words.translate(e.message())).toList());
            } else {
                redirect.addFlashAttribute("importProblem",
                        messages.getMessage("workflow.import.unreadable", new Object[] {filename}, locale));
            }
            return "redirect:/workflows";
        }
    }

    @GetMapping("/{id}")
    String view(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id, Model model) {
        WorkflowView workflow = workflows.get(user.tenantId(), id);
        return show(workflow, workflow.version(), model);
    }

    @GetMapping("/{id}/versions/{version}")
    String version(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id, @PathVariable String version,
            Model model) {
        WorkflowView current = workflows.get(user.tenantId(), id);
        WorkflowView shown = workflows.version(user.tenantId(), id, versionNumber(version));
        return show(shown, current.version(), model);
    }

    private String show(WorkflowView workflow, int currentVersion, Model model) {
        model.addAttribute("workflow", workflow);
        model.addAttribute("currentVersion", currentVersion);
        model.addAttribute("bucketNames", ReadableDiff.bucketNames(workflow.buckets()));
        return "workflow/view";
    }

    @GetMapping("/{id}/versions")
    String versions(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id, Model model) {
        WorkflowView workflow = workflows.get(user.tenantId(), id);
        List<VersionSummary> versions = new ArrayList<>(workflows.versions(user.tenantId(), id));
        versions.sort((a, b) -> Integer.compare(b.version(), a.version()));
        model.addAttribute("workflow", workflow);
        model.addAttribute("versions", versions);
        model.addAttribute("from", Math.max(1, workflow.version() - 1));
        model.addAttribute("to", workflow.version());
        return "workflow/versions";
    }

    @GetMapping("/{id}/diff")
    String diff(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale,
            Model model) {
        WorkflowView workflow = workflows.get(user.tenantId(), id);
        int toVersion = to == null ? workflow.version() : versionNumber(to);
        int fromVersion = from == null ? Math.max(1, toVersion - 1) : versionNumber(from);
        WorkflowView before = workflows.version(user.tenantId(), id, fromVersion);
        WorkflowView after = workflows.version(user.tenantId(), id, toVersion);
        List<VersionSummary> versions = new ArrayList<>(workflows.versions(user.tenantId(), id));
        versions.sort((a, b) -> Integer.compare(b.version(), a.version()));
        model.addAttribute("workflow", workflow);
        model.addAttribute("versions", versions);
        model.addAttribute("before", before);
        model.addAttribute("after", after);
        model.addAttribute("diff", ReadableDiff.of(before, after, messages, locale));
        model.addAttribute("from", fromVersion);
        model.addAttribute("to", toVersion);
        return "workflow/diff";
    }

    @GetMapping("/{id}/export")
    ResponseEntity<String> export(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id,
            @RequestParam(defaultValue = "json") String format) {
        WorkflowView workflow = workflows.get(user.tenantId(), id);
        if (!"json".equalsIgnoreCase(format) && !"yaml".equalsIgnoreCase(format)) {
            throw ApiProblem.notFound("Export format");
        }
        return formats.download(workflow.toInput(), workflow.name(), format);
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize("hasRole('PROCESS_MANAGER')")
    String archive(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id, RedirectAttributes redirect) {
        workflows.archive(user, id);
        redirect.addFlashAttribute("notice", "workflow.notice.archived");
        return "redirect:/workflows/" + id;
    }

    private static String formatOf(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        String type = file.getContentType() == null ? "" : file.getContentType().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml") || type.contains("yaml");
        return yaml ? "application/yaml" : "application/json";
    }

    static int versionNumber(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("Workflow version");
        }
    }
}
