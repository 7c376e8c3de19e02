package com.qteria.workflow.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.PageResponse;
import com.qteria.shared.Paging;
import com.qteria.shared.ProblemCode;
import com.qteria.workflow.VersionSummary;
import com.qteria.workflow.WorkflowDiff;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowTemplate;
import com.qteria.workflow.WorkflowView;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
@Tag(name = "Workflows",
        description = "Versioned workflows: buckets for documents and criteria to check. Every role reads; process "
                + "managers and admins write.")
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
    @Operation(operationId = "createWorkflow", summary = "Create a workflow",
            description = "Version 1. At least one bucket and one criterion; at most 20 buckets and 100 criteria. "
                    + "Process managers and admins only.")
    WorkflowView create(@AuthenticationPrincipal CurrentUser user, @RequestBody WorkflowInput input) {
        return workflows.create(user, input);
    }

    @GetMapping("/api/v1/workflows")
    @Operation(operationId = "listWorkflows", summary = "List the organization's workflows",
            description = "By name, in their current versions; active ones, or archived ones with archived=true.")
    PageResponse<WorkflowView> list(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "Only workflows whose name contains this text.")
            @RequestParam(required = false) String q,
            @Parameter(description = "true for archived workflows instead of active ones.")
            @RequestParam(defaultValue = "false") boolean archived, Paging paging) {
        return workflows.list(user.tenantId(), q, archived, paging);
    }

    @GetMapping("/api/v1/workflows/{id}")
    @Operation(operationId = "getWorkflow", summary = "Get a workflow in its current version")
    WorkflowView get(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id) {
        return workflows.get(user.tenantId(), id);
    }

    @GetMapping("/api/v1/workflows/{id}/versions")
    @Operation(operationId = "listWorkflowVersions", summary = "List a workflow's versions",
            description = "All in one page.")
    PageResponse<VersionSummary> versions(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id) {
        return PageResponse.all(workflows.versions(user.tenantId(), id));
    }

    @GetMapping("/api/v1/workflows/{id}/versions/{version}")
    @Operation(operationId = "getWorkflowVersion", summary = "Get one version of a workflow",
            description = "As it was; assessments keep the version they ran on.")
    WorkflowView version(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id,
            @Parameter(description = "The version number, from 1.") @PathVariable String version) {
        return workflows.version(user.tenantId(), id, versionNumber(version));
    }

    @GetMapping("/api/v1/workflows/{id}/diff")
    @Operation(operationId = "diffWorkflowVersions", summary = "Compare two versions of a workflow",
            description = "The buckets and criteria added, removed and changed from one version to the other.")
    WorkflowDiff diff(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id,
            @Parameter(description = "The version to compare from.") @RequestParam int from,
            @Parameter(description = "The version to compare to.") @RequestParam int to) {
        return workflows.diff(user.tenantId(), id, from, to);
    }

    @PutMapping("/api/v1/workflows/{id}")
    @PreAuthorize("hasRole('PROCESS_MANAGER')")
    @Operation(operationId = "updateWorkflow", summary = "Replace a workflow, creating its next version",
            description = "A full replace: the result is version n+1, and version n stays as it was. Buckets and "
                    + "criteria matched by key keep their ids. An archived workflow cannot change: 409. Process "
                    + "managers and admins only.")
    @ApiResponse(responseCode = "200", description = "The workflow in its new version.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    WorkflowView update(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id,
            @RequestBody WorkflowInput input) {
        return workflows.update(user, id, input);
    }

    @DeleteMapping("/api/v1/workflows/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('PROCESS_MANAGER')")
    @Operation(operationId = "archiveWorkflow", summary = "Archive a workflow",
            description = "It is kept with its versions and assessments, but no new assessment can use it. "
                    + "Process managers and admins only.")
    void archive(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id) {
        workflows.archive(user, id);
    }

    /** The current version without ids: JSON, or YAML with {@code ?format=yaml}. */
    @GetMapping("/api/v1/workflows/{id}/export")
    @Operation(operationId = "exportWorkflow", summary = "Export a workflow without its ids",
            description = "The current version as a download, for version control or for import into another "
                    + "organization.")
    @ApiResponse(responseCode = "200", description = "The workflow as an attachment.", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = WorkflowInput.class)),
            @Content(mediaType = "application/yaml", schema = @Schema(implementation = WorkflowInput.class))})
    ResponseEntity<String> export(@AuthenticationPrincipal CurrentUser user, @PathVariable WorkflowId id,
            @Parameter(description = "json or yaml.") @RequestParam(defaultValue = "json") String format) {
        WorkflowView workflow = workflows.get(user.tenantId(), id);
        return formats.download(workflow.toInput(), workflow.name(), format);
    }

    /** A workflow in the export format, as JSON or YAML (by Content-Type). */
    @PostMapping(path = "/api/v1/workflows/import", consumes = {MediaType.APPLICATION_JSON_VALUE,
            "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PROCESS_MANAGER')")
    @Operation(operationId = "importWorkflow", summary = "Import a workflow from its export",
            description = "Creates a new workflow, version 1, from the export format in JSON or YAML (by "
                    + "Content-Type). Process managers and admins only.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "application/json", schema = @Schema(implementation = WorkflowInput.class)),
                    @Content(mediaType = "application/yaml", schema = @Schema(implementation = WorkflowInput.class))}))
    WorkflowView importWorkflow(@AuthenticationPrincipal CurrentUser user,
            @Parameter(hidden = true)
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RequestBody String body) {
        return workflows.importWorkflow(user, formats.read(body, contentType));
    }

    @GetMapping("/api/v1/workflow-templates")
    @Operation(operationId = "listWorkflowTemplates", summary = "List the workflow templates",
            description = "Ready-made workflows to start from, the same for every organization.")
    List<WorkflowTemplate> templates() {
        return workflows.templates();
    }

    @GetMapping("/api/v1/workflow-templates/{key}")
    @Operation(operationId = "getWorkflowTemplate", summary = "Get a workflow template in the import format")
    WorkflowInput template(@Parameter(description = "The template's key.") @PathVariable String key) {
        return workflows.template(key);
    }

    private static int versionNumber(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new ApiProblem(ProblemCode.NOT_FOUND, "Workflow version not found.");
        }
    }
}
