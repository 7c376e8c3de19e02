package com.qteria.workflow.web;

import com.qteria.identity.CurrentUser;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.ProblemCode;
import com.qteria.workflow.PatternPreview;
import com.qteria.workflow.SafePattern.PatternStoppedException;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import com.qteria.workflow.definition.WorkflowValidator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The workflow builder for process managers and admins: one form, re-rendered by the server. Structural changes
 * (add, remove, move, change a check's type) come back as the builder fragment when htmx asks, or as the whole page
 * without script, and are not saved; Save validates the whole workflow and shows every error at its field.
 */
@Controller
@RequestMapping("/workflows")
@PreAuthorize("hasRole('PROCESS_MANAGER')")
class WorkflowBuilderController {

    private static final Pattern CHECK_PATH = Pattern.compile("criteria\\[(\\d{1,3})]\\.checks\\[(\\d{1,2})]");

    private final WorkflowManagement workflows;
    private final MessageSource messages;

    WorkflowBuilderController(WorkflowManagement workflows, MessageSource messages) {
        this.workflows = workflows;
        this.messages = messages;
    }

    @GetMapping("/new")
    String create(Locale locale, Model model) {
        return render(null, WorkflowForm.blank(), FormErrors.none(messages, locale), null, locale, model, false);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") WorkflowForm form,
            BindingResult binding, @RequestParam(required = false) String action, Locale locale, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        return post(user, null, form, binding, action, locale, model, request, response);
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id, Locale locale, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        WorkflowView workflow = workflows.get(user.tenantId(), id);
        if (workflow.archived()) {
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("problem", messages.getMessage("workflow.archivedNoEdit", null, locale));
            RequestContextUtils.saveOutputFlashMap("/workflows/" + workflow.id(), request, response);
            return "redirect:/workflows/" + workflow.id();
        }
        WorkflowForm form = WorkflowForm.of(workflow);
        if (form.getCriteria().size() <= 3) {
            form.getCriteria().forEach(c -> c.setExpanded(true));
        }
        return render(workflow, form, FormErrors.none(messages, locale), null, locale, model, false);
    }

    @PostMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id,
            @ModelAttribute("form") WorkflowForm form, BindingResult binding,
            @RequestParam(required = false) String action, Locale locale, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        WorkflowView workflow = workflows.get(user.tenantId(), id);
        return post(user, workflow, form, binding, action, locale, model, request, response);
    }

    /** "Try this pattern": the matches of one check's pattern in its sample text, as a fragment. */
    @PostMapping("/pattern-preview")
    String preview(@RequestParam String action, HttpServletRequest request, Locale locale, Model model) {
        String path = BuilderAction.parse(action).previewPath();
        if (path == null || !CHECK_PATH.matcher(path).matches()) {
            throw ApiProblem.validation("action", "names no check");
        }
        model.addAttribute("preview", trial(request.getParameter(path + ".pattern"),
                request.getParameter(path + ".sample"), "same_value".equals(request.getParameter(path + ".type")), locale));
        return "workflow/builder :: preview-result";
    }

    private String post(CurrentUser user, WorkflowView workflow, WorkflowForm form, BindingResult binding,
            String action, Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
        form.normalize();
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        FormErrors errors = new FormErrors(messages, locale);
        binding.getFieldErrors().forEach(e -> errors.add(e.getField(),
                messages.getMessage("workflow.error.number", null, locale)));
        BuilderAction builderAction = BuilderAction.parse(action);
        if (builderAction.save()) {
            if (workflow != null && form.getBaseVersion() != null && form.getBaseVersion() < workflow.version()
                    && !builderAction.overwrite()) {
                errors.add("version", messages.getMessage("workflow.builder.conflict",
                        new Object[] {workflow.version(), form.getBaseVersion()}, locale));
                model.addAttribute("conflict", workflow.version());
            }
            if (errors.isEmpty()) {
                try {
                    WorkflowView saved = workflow == null ? workflows.create(user, form.toInput())
                            : workflows.update(user, workflow.id(), form.toInput());
                    return saved(saved, workflow == null, htmx, request, response);
                } catch (ApiProblem problem) {
                    if (problem.code() != ProblemCode.VALIDATION_FAILED) {
                        throw problem;
                    }
                    errors.addAll(problem.errors());
                }
            }
            return render(workflow, form, errors, new BuilderAction.Outcome("error-summary", null), locale, model, htmx);
        }
        BuilderAction.Outcome outcome = builderAction.apply(form);
        String previewPath = builderAction.previewPath();
        if (previewPath != null) {
            model.addAttribute("previews", previews(form, previewPath, locale));
            outcome = new BuilderAction.Outcome(FormErrors.anchor(previewPath + ".preview"), null);
        }
        return render(workflow, form, errors, outcome, locale, model, htmx);
    }

    private String saved(WorkflowView saved, boolean created, boolean htmx, HttpServletRequest request,
            HttpServletResponse response) {
        String target = "/workflows/" + saved.id();
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("notice", created ? "workflow.notice.created" : "workflow.notice.updated");
        flash.put("noticeArgument", saved.version());
        RequestContextUtils.saveOutputFlashMap(target, request, response);
        if (htmx) {
            response.setHeader("HX-Redirect", request.getContextPath() + target);
            return "workflow/builder :: saved";
        }
        return "redirect:" + target;
    }

    private String render(WorkflowView workflow, WorkflowForm form, FormErrors errors, BuilderAction.Outcome outcome,
            Locale locale, Model model, boolean fragment) {
        for (int i = 0; i < form.getCriteria().size(); i++) {
            if (errors.within("criteria[" + i + "]")) {
                form.getCriteria().get(i).setExpanded(true);
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("workflow", workflow);
        model.addAttribute("formAction", workflow == null ? "/workflows/new" : "/workflows/" + workflow.id() + "/edit");
        model.addAttribute("checkTypes", WorkflowForm.CheckForm.TYPES);
        model.addAttribute("limits", Map.of("name", WorkflowValidator.MAX_NAME,
                "description", WorkflowValidator.MAX_DESCRIPTION, "pattern", WorkflowValidator.MAX_PATTERN));
        if (!model.containsAttribute("previews")) {
            model.addAttribute("previews", Map.of());
        }
        model.addAttribute("focus", outcome == null ? null : outcome.focus());
        model.addAttribute("announce", outcome == null || outcome.announce() == null ? null
                : messages.getMessage(outcome.announce(), outcome.arguments(), locale));
        return fragment ? "workflow/builder :: builder-body" : "workflow/builder";
    }

    private Map<String, Preview> previews(WorkflowForm form, String path, Locale locale) {
        Matcher m = CHECK_PATH.matcher(path);
        Map<String, Preview> previews = new HashMap<>();
        if (m.matches()) {
            int c = Integer.parseInt(m.group(1));
            int k = Integer.parseInt(m.group(2));
            if (c < form.getCriteria().size() && k < form.getCriteria().get(c).getChecks().size()) {
                WorkflowForm.CheckForm check = form.getCriteria().get(c).getChecks().get(k);
                previews.put(path, trial(check.getPattern(), check.getSample(), "same_value".equals(check.getType()), locale));
            }
        }
        return previews;
    }

    /** What the pattern finds in the sample, or in plain words why it cannot be used. */
    private Preview trial(String pattern, String sample, boolean oneGroup, Locale locale) {
        String problem = WorkflowValidator.patternProblem(pattern, oneGroup);
        if (problem != null) {
            return Preview.problem(new ValidationMessages(messages, locale).translate(problem));
        }
        if (sample == null || sample.isBlank()) {
            return Preview.problem(messages.getMessage("workflow.preview.noSample", null, locale));
        }
        PatternPreview result = PatternPreview.run(pattern, sample, oneGroup);
        if (result.stopped() != null) {
            return Preview.problem(messages.getMessage(result.stopped() == PatternStoppedException.Why.TOO_DEEP
                    ? "workflow.preview.tooDeep" : "workflow.preview.timeout", null, locale));
        }
        return new Preview(null, result.count(), result.matches(), result.truncated());
    }

    /** The answer to "try this pattern". */
    public record Preview(String problem, int count, List<PatternPreview.Match> matches, boolean truncated) {

        static Preview problem(String problem) {
            return new Preview(problem, 0, List.of(), false);
        }

        /** Matches beyond those listed. */
        public int more() {
            return count - matches.size();
        }
    }
}
