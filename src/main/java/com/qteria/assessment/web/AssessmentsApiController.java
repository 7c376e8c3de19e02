package com.qteria.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.qteria.assessment.AssessmentDiff;
import com.qteria.assessment.AssessmentFilter;
import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.DateRange;
import com.qteria.assessment.AssessmentManagement;
import com.qteria.assessment.AssessmentReport;
import com.qteria.assessment.AssessmentResults;
import com.qteria.assessment.AssessmentReviews;
import com.qteria.assessment.CriterionResult;
import com.qteria.assessment.Feedback;
import com.qteria.assessment.FeedbackRequest;
import com.qteria.assessment.RerunAssessment;
import com.qteria.assessment.ReviewRequest;
import com.qteria.assessment.AssessmentView;
import com.qteria.assessment.StartAssessment;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.PageResponse;
import com.qteria.shared.Paging;
import com.qteria.workflow.WorkflowId;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Assessments per API.md: every role starts, follows, reads, cancels and reviews its organization's assessments.
 */
@RestController
@Tag(name = "Assessments",
        description = "Check documents against a workflow, follow the progress and read the results with their "
                + "evidence.")
@PreAuthorize("hasRole('PROJECT_HANDLER')")
class AssessmentsApiController {

    private final AssessmentManagement assessments;
    private final AssessmentReviews reviews;
    private final ProgressEvents progress;
    private final ReportPdf reportPdf;

    AssessmentsApiController(AssessmentManagement assessments, AssessmentReviews reviews, ProgressEvents progress,
            ReportPdf reportPdf) {
        this.assessments = assessments;
        this.reportPdf = reportPdf;
        this.reviews = reviews;
        this.progress = progress;
    }

    @PostMapping("/api/v1/assessments")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "startAssessment", summary = "Start an assessment",
            description = "Checks the documents, each in a bucket, against the current version of the workflow. "
                    + "Answers 202 at once with the queued assessment; follow it with the events stream or by "
                    + "polling. An unknown workflow or document is 404; a spent monthly AI budget is 409.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/MissingRequiredBuckets")
    AssessmentView start(@AuthenticationPrincipal CurrentUser user, @RequestBody StartAssessment request) {
        return assessments.start(user, request);
    }

    @GetMapping("/api/v1/assessments")
    @Operation(operationId = "listAssessments", summary = "List the organization's assessments",
            description = "Newest first, filtered by status, workflow, search text and the days they were started "
                    + "on (from and to, UTC, both included; either may be left out). A workflow_id that is not an id "
                    + "is 404; a status that is none, or from or to that is not a date (YYYY-MM-DD), or from after "
                    + "to, is 422.")
    @ApiResponse(responseCode = "200", description = "A page of assessments.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/ValidationFailed")
    PageResponse<AssessmentView> list(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "Only this status: queued, running, completed, failed or cancelled.")
            @RequestParam(required = false) String status,
            @Parameter(description = "Only assessments against this workflow (its id).")
            @RequestParam(name = "workflow_id", required = false) WorkflowId workflowId,
            @Parameter(description = "Only assessments whose reference or workflow name contains this text.")
            @RequestParam(required = false) String q,
            @Parameter(description = "Only assessments started on or after this day, YYYY-MM-DD (UTC).")
            @RequestParam(required = false) String from,
            @Parameter(description = "Only assessments started on or before this day, YYYY-MM-DD (UTC).")
            @RequestParam(required = false) String to, Paging paging) {
        return assessments.list(user.tenantId(),
                new AssessmentFilter(status, workflowId, q, DateRange.parse(from, to)), paging);
    }

    @GetMapping("/api/v1/assessments/{id}")
    @Operation(operationId = "getAssessment", summary = "Get an assessment: status, progress and summary")
    AssessmentView get(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id) {
        return assessments.get(user.tenantId(), id);
    }

    @GetMapping("/api/v1/assessments/{id}/results")
    @Operation(operationId = "getAssessmentResults", summary = "Get an assessment's results with their evidence",
            description = "Per criterion: verdict, confidence, source, reasoning and evidence (document, page, "
                    + "quote, verified). The reasoning is in German when Accept-Language prefers German, else in "
                    + "English. 409 ASSESSMENT_NOT_READY until the assessment has completed.")
    @ApiResponse(responseCode = "200", description = "The results of the completed assessment.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/AssessmentNotReady")
    AssessmentResults results(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            @Parameter(description = "Language of the reasoning: de for German, anything else English.")
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return assessments.results(user.tenantId(), id, language(acceptLanguage));
    }

    @GetMapping(value = "/api/v1/assessments/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(operationId = "exportAssessmentPdf", summary = "Download a completed assessment's report as PDF",
            description = "The report to forward: organization, workflow and version, reference, who started it and "
                    + "when, duration, overall verdict and counts, every criterion (failures first) with verdict, "
                    + "confidence, source, reasoning, evidence quotes with document and page, reviews with the "
                    + "machine's verdict beside them, and the documents assessed with their SHA-256 fingerprints. "
                    + "German when Accept-Language prefers German, else English. Tagged PDF claiming PDF/A-2u, fonts "
                    + "embedded. An attachment named assessment-<reference or id>.pdf. Audited as assessment.exported. "
                    + "409 ASSESSMENT_NOT_READY until the assessment has completed.")
    @ApiResponse(responseCode = "200", description = "The report as PDF.",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                    schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/AssessmentNotReady")
    ResponseEntity<byte[]> reportPdf(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            @Parameter(description = "Language of the report: de for German, anything else English.")
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return reportPdf.download(user, id, language(acceptLanguage));
    }

    @GetMapping("/api/v1/assessments/{id}/report.json")
    @Operation(operationId = "exportAssessmentJson", summary = "Download a completed assessment as JSON",
            description = "The results document of …/results (summary, results) with the assessment and the "
                    + "documents it read, each with bucket, document_id, and the filename and sha256 pinned when "
                    + "the assessment started (kept after the document is deleted). An attachment named "
                    + "assessment-<reference or id>.json. Audited as assessment.exported. 409 ASSESSMENT_NOT_READY "
                    + "until the assessment has completed.")
    @ApiResponse(responseCode = "200", description = "The assessment, its documents and its results.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/AssessmentNotReady")
    ResponseEntity<AssessmentReport> reportJson(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            @Parameter(description = "Language of the reasoning: de for German, anything else English.")
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return ReportFiles.json(assessments.report(user, id, language(acceptLanguage), "json"));
    }

    @GetMapping("/api/v1/assessments/{id}/report.csv")
    @Operation(operationId = "exportAssessmentCsv", summary = "Download a completed assessment's results as CSV",
            description = "One row per criterion with the columns criterion_key, criterion_name, severity, verdict, "
                    + "machine_verdict, confidence, source, reviewed_by, review_comment, reasoning, evidence (each "
                    + "quote as \"file p. N: quote\", one per line). UTF-8 with a byte order mark, RFC 4180 quoting; a "
                    + "cell starting with = + - @, tab or carriage return gets a leading apostrophe so that a "
                    + "spreadsheet never runs it. An attachment named assessment-<reference or id>.csv. Audited as "
                    + "assessment.exported. 409 ASSESSMENT_NOT_READY until the assessment has completed.")
    @ApiResponse(responseCode = "200", description = "The results as CSV.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/AssessmentNotReady")
    ResponseEntity<byte[]> reportCsv(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            @Parameter(description = "Language of the reasoning: de for German, anything else English.")
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return ReportFiles.csv(assessments.report(user, id, language(acceptLanguage), "csv"));
    }

    @PutMapping("/api/v1/assessments/{id}/results/{criterion_key}/review")
    @Operation(operationId = "reviewAssessmentResult", summary = "Confirm or override a result's verdict",
            description = "A person's verdict (pass or fail) on one criterion of a completed assessment, with a "
                    + "comment (required when it differs from the machine's verdict). The result's verdict becomes "
                    + "the review's, with source reviewer; the machine's verdict, confidence and source are kept in "
                    + "machine, and the summary follows the review. A second review replaces the first. 409 "
                    + "ASSESSMENT_NOT_READY until the assessment has completed.")
    @ApiResponse(responseCode = "200", description = "The result as reviewed.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/AssessmentNotReady")
    CriterionResult review(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            @Parameter(description = "The criterion's key in the assessed workflow version.")
            @PathVariable("criterion_key") String criterionKey, @RequestBody ReviewRequest request,
            @Parameter(description = "Language of the reasoning: de for German, anything else English.")
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        reviews.review(user, id, criterionKey, request);
        return result(user, id, criterionKey, acceptLanguage);
    }

    @DeleteMapping("/api/v1/assessments/{id}/results/{criterion_key}/review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeAssessmentResultReview", summary = "Undo a result's review",
            description = "The machine's verdict counts again and the summary follows it. 404 when the result has "
                    + "no review; 409 ASSESSMENT_NOT_READY until the assessment has completed.")
    @ApiResponse(responseCode = "204", description = "The review was removed.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/AssessmentNotReady")
    void removeReview(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            @Parameter(description = "The criterion's key in the assessed workflow version.")
            @PathVariable("criterion_key") String criterionKey) {
        reviews.removeReview(user, id, criterionKey);
    }

    @PostMapping("/api/v1/assessments/{id}/results/{criterion_key}/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "giveAssessmentResultFeedback", summary = "Say whether a result's verdict was correct",
            description = "Feedback on the machine's verdict of one criterion of a completed assessment, with an "
                    + "optional comment; kept with the machine's verdict at the time for the false-pass and "
                    + "false-fail figures. 409 ASSESSMENT_NOT_READY until the assessment has completed.")
    @ApiResponse(responseCode = "201", description = "The feedback as recorded.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/AssessmentNotReady")
    Feedback feedback(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            @Parameter(description = "The criterion's key in the assessed workflow version.")
            @PathVariable("criterion_key") String criterionKey, @RequestBody FeedbackRequest request) {
        return reviews.feedback(user, id, criterionKey, request);
    }

    private CriterionResult result(CurrentUser user, AssessmentId id, String criterionKey, String acceptLanguage) {
        return assessments.results(user.tenantId(), id, language(acceptLanguage)).results().stream()
                .filter(r -> r.criterion().key().equals(criterionKey)).findFirst().orElseThrow();
    }

    @PostMapping("/api/v1/assessments/{id}/cancel")
    @Operation(operationId = "cancelAssessment", summary = "Cancel an assessment",
            description = "Stops a queued or running assessment; one that has already finished gets 409.")
    @ApiResponse(responseCode = "200", description = "The assessment, now cancelled.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    AssessmentView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id) {
        return assessments.cancel(user, id);
    }

    @PostMapping("/api/v1/assessments/{id}/rerun")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "rerunAssessment", summary = "Re-run an assessment, replacing documents",
            description = "A new assessment with parent_id, of the same documents except the buckets named in "
                    + "replace, which get the documents given for them; the reference is copied. It runs on the "
                    + "workflow version the assessment ran on, or on the workflow's newest version with "
                    + "latest_workflow: true. Criteria whose inputs did not change reuse their earlier finding "
                    + "without evaluating (and without an AI call), and keep their reviews. The body is optional: "
                    + "without it the same documents are re-run. 409 ASSESSMENT_NOT_READY while the assessment is "
                    + "queued or running, 409 CONFLICT when its workflow has been archived; an unknown bucket is "
                    + "422 naming replace[i].bucket; documents are checked as when starting (another "
                    + "organization's is 404).")
    @ApiResponse(responseCode = "202", description = "The re-run, queued.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/MissingRequiredBuckets")
    AssessmentView rerun(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            @RequestBody(required = false) RerunAssessment request) {
        return assessments.rerun(user, id, request);
    }

    @GetMapping("/api/v1/assessments/{id}/diff")
    @Operation(operationId = "diffAssessment", summary = "Compare a re-run with the assessment it re-ran",
            description = "Per criterion the verdict before and now (both as reviewed), whether it changed and how "
                    + "(fixed, regressed, unchanged, changed), and the counts. 409 ASSESSMENT_NOT_READY until the "
                    + "re-run has completed; 409 CONFLICT when the assessment is not a re-run or the assessment it "
                    + "re-ran did not complete.")
    @ApiResponse(responseCode = "200", description = "The differences.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    AssessmentDiff diff(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id) {
        return assessments.diff(user.tenantId(), id);
    }

    /**
     * Server-Sent Events: {@code progress} on every change, then {@code done} with the final state; {@code reconnect}
     * (with a {@code retry} time) when the serving instance stops.
     */
    @GetMapping(path = "/api/v1/assessments/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "followAssessment", summary = "Follow an assessment's progress as Server-Sent Events",
            description = "A progress event on every change, then a done event with the final state. When the "
                    + "serving instance stops, a reconnect event (with a retry time in milliseconds) ends the stream "
                    + "early: connect again after that time (an EventSource does so by itself).")
    SseEmitter events(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id) {
        assessments.get(user.tenantId(), id);
        return progress.follow(user.tenantId(), id);
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
}
