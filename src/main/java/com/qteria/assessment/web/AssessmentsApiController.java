package com.qteria.assessment.web;

import com.qteria.assessment.AssessmentManagement;
import com.qteria.assessment.AssessmentResults;
import com.qteria.assessment.AssessmentView;
import com.qteria.assessment.StartAssessment;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.Ids;
import com.qteria.shared.PageResponse;
import com.qteria.shared.Paging;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Assessments per API.md: every role starts, follows, reads and cancels its organization's assessments. */
@RestController
@Tag(name = "Assessments")
@PreAuthorize("hasRole('PROJECT_HANDLER')")
class AssessmentsApiController {

    private final AssessmentManagement assessments;
    private final ProgressEvents progress;

    AssessmentsApiController(AssessmentManagement assessments, ProgressEvents progress) {
        this.assessments = assessments;
        this.progress = progress;
    }

    @PostMapping("/api/v1/assessments")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AssessmentView start(@AuthenticationPrincipal CurrentUser user, @RequestBody StartAssessment request) {
        return assessments.start(user, request);
    }

    @GetMapping("/api/v1/assessments")
    PageResponse<AssessmentView> list(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String status, @RequestParam(name = "workflow_id", required = false) String workflowId,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        UUID workflow = workflowId == null || workflowId.isBlank() ? null : Ids.parseOrNotFound(workflowId, "Workflow");
        return assessments.list(user.tenantId(), status, workflow, q, Paging.of(page, size));
    }

    @GetMapping("/api/v1/assessments/{id}")
    AssessmentView get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return assessments.get(user.tenantId(), assessmentId(id));
    }

    @GetMapping("/api/v1/assessments/{id}/results")
    AssessmentResults results(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return assessments.results(user.tenantId(), assessmentId(id), language(acceptLanguage));
    }

    @PostMapping("/api/v1/assessments/{id}/cancel")
    AssessmentView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return assessments.cancel(user, assessmentId(id));
    }

    /** Server-Sent Events: {@code progress} on every change, then {@code done} with the final state. */
    @GetMapping(path = "/api/v1/assessments/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        UUID assessment = assessmentId(id);
        assessments.get(user.tenantId(), assessment);
        return progress.follow(user.tenantId(), assessment);
    }

    /** German when {@code Accept-Language} prefers it to English; English otherwise (API.md: the API speaks English). */
    static Locale language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), List.of(Locale.ENGLISH, Locale.GERMAN));
            return found == null ? Locale.ENGLISH : found;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    private static UUID assessmentId(String id) {
        return Ids.parseOrNotFound(id, "Assessment");
    }
}
