package com.qteria.workflow.web;

import com.qteria.identity.CurrentUser;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.Ids;
import com.qteria.shared.PageResponse;
import com.qteria.shared.Paging;
import com.qteria.shared.ProblemCode;
import com.qteria.workflow.VersionSummary;
import com.qteria.workflow.WorkflowDiff;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowTemplate;
import com.qteria.workflow.WorkflowView;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Workflows per API.md: every role reads; process managers and admins write. */
@RestController
@Tag(name = "Workflows")
@PreAuthorize("hasRole('PROJECT_HANDLER')")
class WorkflowsApiController {

    private final WorkflowManagement workflows;
    private final WorkflowFormats formats;

    WorkflowsApiController(WorkflowManagement workflows, WorkflowFormats formats) {
        this.workflows = workflows;
        this.formats = formats;
    }

    @PostMapping("/api/v1/workflows")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PROCESS_MANAGER')")
    WorkflowView create(@AuthenticationPrincipal CurrentUser user, @RequestBody WorkflowInput input) {
        return workflows.create(user, input);
    }

    @GetMapping("/api/v1/workflows")
    PageResponse<WorkflowView> list(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return workflows.list(user.tenantId(), q, archived, Paging.of(page, size));
    }

    @GetMapping("/api/v1/workflows/{id}")
    WorkflowView get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return workflows.get(user.tenantId(), workflowId(id));
    }

    @GetMapping("/api/v1/workflows/{id}/versions")
    PageResponse<VersionSummary> versions(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        List<VersionSummary> versions = workflows.versions(user.tenantId(), workflowId(id));
        return PageResponse.of(versions, new Paging(0, Math.max(1, versions.size())), versions.size());
    }

    @GetMapping("/api/v1/workflows/{id}/versions/{version}")
    WorkflowView version(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            @PathVariable String version) {
        return workflows.version(user.tenantId(), workflowId(id), versionNumber(version));
    }

    @GetMapping("/api/v1/workflows/{id}/diff")
    WorkflowDiff diff(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            @RequestParam int from, @RequestParam int to) {
        return workflows.diff(user.tenantId(), workflowId(id), from, to);
    }

    @PutMapping("/api/v1/workflows/{id}")
    @PreAuthorize("hasRole('PROCESS_MANAGER')")
    WorkflowView update(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            @RequestBody WorkflowInput input) {
        return workflows.update(user, workflowId(id), input);
    }

    @DeleteMapping("/api/v1/workflows/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('PROCESS_MANAGER')")
    void archive(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        workflows.archive(user, workflowId(id));
    }

    /** The current version without ids: JSON, or YAML with {@code ?format=yaml}. */
    @GetMapping("/api/v1/workflows/{id}/export")
    ResponseEntity<String> export(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            @RequestParam(defaultValue = "json") String format) {
        WorkflowView workflow = workflows.get(user.tenantId(), workflowId(id));
        return formats.download(workflow.toInput(), workflow.name(), format);
    }

    /** A workflow in the export format, as JSON or YAML (by Content-Type). */
    @PostMapping(path = "/api/v1/workflows/import", consumes = {MediaType.APPLICATION_JSON_VALUE,
            "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PROCESS_MANAGER')")
    WorkflowView importWorkflow(@AuthenticationPrincipal CurrentUser user,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RequestBody String body) {
        return workflows.importWorkflow(user, formats.read(body, contentType));
    }

    @GetMapping("/api/v1/workflow-templates")
    List<WorkflowTemplate> templates() {
        return workflows.templates();
    }

    @GetMapping("/api/v1/workflow-templates/{key}")
    WorkflowInput template(@PathVariable String key) {
        return workflows.template(key);
    }

    private static UUID workflowId(String id) {
        return Ids.parseOrNotFound(id, "Workflow");
    }

    private static int versionNumber(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new ApiProblem(ProblemCode.NOT_FOUND, "Workflow version not found.");
        }
    }
}
