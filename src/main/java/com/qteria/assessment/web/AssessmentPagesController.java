package com.qteria.assessment.web;

import com.qteria.assessment.AssessmentDiff;
import com.qteria.assessment.AssessmentFilter;
import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.DateRange;
import com.qteria.assessment.AssessmentManagement;
import com.qteria.assessment.AssessmentReport;
import com.qteria.assessment.AssessmentReviews;
import com.qteria.assessment.FeedbackRequest;
import com.qteria.assessment.RerunAssessment;
import com.qteria.assessment.ReviewRequest;
import com.qteria.assessment.AssessmentStatus;
import com.qteria.assessment.AssessmentView;
import com.qteria.assessment.CriterionResult;
import com.qteria.assessment.StartAssessment;
import com.qteria.document.DocumentId;
import com.qteria.document.DocumentManagement;
import com.qteria.document.DocumentStatus;
import com.qteria.document.DocumentView;
import com.qteria.evaluation.Verdict;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import com.qteria.shared.Ids;
import com.qteria.platform.web.ListPages;
import com.qteria.shared.Paging;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assessment pages: the list, the start page (choose a workflow, drop files into its buckets or add ready ones
 * from the library, take a wrong one out again, start once every required bucket has a ready document), and one
 * assessment — a live progress bar while it runs, the results when it is done (failures first, with filters), where
 * each result can be reviewed (verdict and comment, or undone) and rated ("Was this correct?"); a finished one can be
 * re-run with documents replaced, and a re-run shows what changed since the version it re-ran and the chain of
 * versions (v1 → v2 → v3).
 */
@Controller
@RequestMapping("/assessments")
@PreAuthorize("hasRole('PROJECT_HANDLER')")
class AssessmentPagesController {

    static final int LIST_SIZE = 50;
    /** The newest documents of the library offered on the start page and in the re-run form (the ready ones). */
    static final int LIBRARY_SIZE = 100;

    private final AssessmentManagement assessments;
    private final WorkflowManagement workflows;
    private final ProgressEvents progress;
    private final AssessmentReviews reviews;
    private final DocumentManagement documents;
    private final MessageSource messages;
    private final AssessedDocuments assessedDocuments;
    private final ReportPdf reportPdf;

    AssessmentPagesController(AssessmentManagement assessments, WorkflowManagement workflows, ProgressEvents progress,
            AssessmentReviews reviews, DocumentManagement documents, MessageSource messages,
            AssessedDocuments assessedDocuments, ReportPdf reportPdf) {
        this.reportPdf = reportPdf;
        this.assessedDocuments = assessedDocuments;
        this.documents = documents;
        this.messages = messages;
        this.reviews = reviews;
        this.assessments = assessments;
        this.workflows = workflows;
        this.progress = progress;
    }

    /**
     * The list, filtered by status, workflow, text and the days started on, a page at a time. A filter the list
     * cannot apply (a status or date that is none) is said on the page and left out.
     */
    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, ListPages.Query query,
            @RequestParam(required = false) String status, @RequestParam(required = false) String workflow,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        WorkflowId workflowId = workflow == null || workflow.isBlank() ? null
                : new WorkflowId(Ids.parseOrNotFound(workflow.strip(), "Workflow"));
        DateRange started;
        try {
            started = DateRange.parse(from, to);
        } catch (ApiProblem problem) {
            model.addAttribute("problem", String.join(" ", problem.errors().stream().map(FieldError::message)
                    .distinct().toList()));
            started = DateRange.ALWAYS;
        }
        String known = Arrays.stream(AssessmentStatus.values()).map(AssessmentStatus::value)
                .filter(value -> value.equalsIgnoreCase(status == null ? "" : status.strip())).findFirst().orElse("");
        AssessmentFilter filter = new AssessmentFilter(known, workflowId, query.q(), started);
        ListPages.show(model, "assessments", query, assessments.list(user.tenantId(), filter,
                query.paging(LIST_SIZE)));
        List<WorkflowView> choices = new ArrayList<>(workflows.list(user.tenantId(), "", false, Paging.of(0, 100)).items());
        choices.addAll(workflows.list(user.tenantId(), "", true, Paging.of(0, 100)).items());
        model.addAttribute("workflows", choices);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", AssessmentStatus.values());
        model.addAttribute("from", filter.started().from());
        model.addAttribute("to", filter.started().to());
        return "assessment/list";
    }

    @GetMapping("/new")
    String start(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) WorkflowId workflow,
            Model model) {
        if (workflow == null) {
            model.addAttribute("workflows", workflows.list(user.tenantId(), "", false, Paging.of(0, 100)).items());
            return "assessment/choose";
        }
        model.addAttribute("workflow", workflows.get(user.tenantId(), workflow));
        model.addAttribute("library", readyLibrary(user));
        return "assessment/new";
    }

    /** The start form: {@code bucket} and {@code document} repeated, one pair per document, in the same order. */
    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam("workflow") String workflow,
            @RequestParam(required = false) String reference,
            @RequestParam(name = "bucket", required = false) List<String> buckets,
            @RequestParam(name = "document", required = false) List<String> documentIds,
            RedirectAttributes redirect) {
        WorkflowId workflowId = new WorkflowId(Ids.parseOrNotFound(workflow, "Workflow"));
        List<StartAssessment.BucketDocument> documents = new ArrayList<>();
        int count = Math.min(buckets == null ? 0 : buckets.size(), documentIds == null ? 0 : documentIds.size());
        for (int i = 0; i < count; i++) {
            documents.add(new StartAssessment.BucketDocument(buckets.get(i),
                    new DocumentId(Ids.parseOrNotFound(documentIds.get(i), "Document"))));
        }
        try {
            AssessmentView started = assessments.start(user, new StartAssessment(workflowId, reference, documents));
            return "redirect:/assessments/" + started.id();
        } catch (ApiProblem problem) {
            if (problem.code().status().value() != 422) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem.getMessage());
            return "redirect:/assessments/new?workflow=" + workflowId;
        }
    }

    @GetMapping("/{id}")
    String view(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id, Locale locale, Model model) {
        AssessmentView assessment = assessments.get(user.tenantId(), id);
        model.addAttribute("assessment", assessment);
        if (assessment.status() == AssessmentStatus.COMPLETED) {
            List<CriterionResult> results = inPageOrder(
                    assessments.results(user.tenantId(), assessment.id(), locale).results());
            model.addAttribute("results", results);
            model.addAttribute("verdictCounts", results.stream()
                    .collect(Collectors.groupingBy(r -> r.verdict().json(), Collectors.counting())));
            model.addAttribute("took", assessment.took(messages, locale));
        }
        if (assessment.status().finished()) {
            model.addAttribute("assessedDocuments", assessedDocuments.of(user.tenantId(), assessment));
        }
        List<AssessmentView> versions = assessments.versions(user.tenantId(), id);
        if (versions.size() > 1) {
            model.addAttribute("versions", versions);
        }
        if (assessment.parentId() != null && assessment.status() == AssessmentStatus.COMPLETED) {
            diff(user, assessment, versions, model);
        }
        if (assessment.status().finished()) {
            rerunForm(user, assessment, model);
        }
        return "assessment/view";
    }

    /** "Download PDF" on the results page: {@code …/report.pdf} of the API, in the page's language. */
    @GetMapping("/{id}/report.pdf")
    ResponseEntity<byte[]> reportPdf(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            Locale locale) {
        return reportPdf.download(user, id, locale);
    }

    /** "Download CSV" on the results page: {@code …/report.csv} of the API, for the signed-in user. */
    @GetMapping("/{id}/report.csv")
    ResponseEntity<byte[]> reportCsv(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            Locale locale) {
        return ReportFiles.csv(assessments.report(user, id, locale, "csv"));
    }

    /** "Download JSON" on the results page: {@code …/report.json} of the API, for the signed-in user. */
    @GetMapping("/{id}/report.json")
    ResponseEntity<AssessmentReport> reportJson(@AuthenticationPrincipal CurrentUser user,
            @PathVariable AssessmentId id, Locale locale) {
        return ReportFiles.json(assessments.report(user, id, locale, "json"));
    }

    /** The diff banner and each result's change, when the assessment this one re-ran has results to compare with. */
    private void diff(CurrentUser user, AssessmentView assessment, List<AssessmentView> versions, Model model) {
        AssessmentView parent = versions.stream().filter(v -> v.id().equals(assessment.parentId())).findFirst()
                .orElse(null);
        if (parent == null || parent.status() != AssessmentStatus.COMPLETED) {
            return;
        }
        AssessmentDiff diff = assessments.diff(user.tenantId(), assessment.id());
        model.addAttribute("diff", diff);
        model.addAttribute("parentVersion", versions.indexOf(parent) + 1);
        model.addAttribute("changes", diff.items().stream()
                .collect(Collectors.toMap(i -> i.criterion().key(), i -> i, (a, b) -> a)));
    }

    /**
     * "Replace a document and re-run": per bucket of the assessed workflow version its documents now, and the
     * organization's ready documents to choose from; the workflow's newest version when it changed since. Not offered
     * once the workflow has been archived (a re-run would be refused).
     */
    private void rerunForm(CurrentUser user, AssessmentView assessment, Model model) {
        WorkflowView latest = workflows.get(user.tenantId(), assessment.workflow().id());
        if (latest.archived()) {
            return;
        }
        WorkflowView ran = workflows.version(user.tenantId(), assessment.workflow().id(),
                assessment.workflow().version());
        List<DocumentRow> given = assessedDocuments.of(user.tenantId(), assessment);
        model.addAttribute("rerunBuckets", ran.buckets().stream().map(bucket -> new RerunBucket(bucket.key(),
                bucket.name(), given.stream().filter(d -> d.bucket().equals(bucket.key()))
                        .map(d -> d.exists() ? d.filename() : "—").toList())).toList());
        model.addAttribute("readyDocuments", readyLibrary(user));
        if (latest.version() > assessment.workflow().version()) {
            model.addAttribute("latestWorkflowVersion", latest.version());
        }
    }

    /** The ready documents among the library's {@link #LIBRARY_SIZE} newest, to add to a bucket. */
    private List<DocumentView> readyLibrary(CurrentUser user) {
        return documents.list(user.tenantId(), "", Paging.of(0, LIBRARY_SIZE)).items().stream()
                .filter(d -> d.status() == DocumentStatus.READY).toList();
    }

    /**
     * A document an assessment read: its bucket (key and name), its id, its pinned file name and fingerprint, and
     * whether it still exists or was deleted under the retention policy.
     */
    record DocumentRow(String bucket, String bucketName, DocumentId id, String filename, String sha256,
            boolean exists, boolean deletedByRetention) {
    }

    /** The order of the results on the page: what needs the handler's attention first. */
    private static final List<Verdict> FAILURES_FIRST = List.of(Verdict.FAIL, Verdict.NEEDS_REVIEW, Verdict.PASS,
            Verdict.NOT_APPLICABLE);

    /** The results in the order of the page (and of the evidence viewer's next and previous). */
    static List<CriterionResult> inPageOrder(List<CriterionResult> results) {
        return results.stream().sorted(Comparator.comparingInt(r -> FAILURES_FIRST.indexOf(r.verdict()))).toList();
    }

    /** A bucket of the re-run form: its key, its name and the names of the documents it has now. */
    record RerunBucket(String key, String name, List<String> documents) {
    }

    /**
     * The re-run form: {@code bucket} and {@code document} repeated, one pair per bucket; a pair with no document keeps
     * the bucket's documents. A refusal (a required bucket without a readable document, a conflict) is shown on the
     * form; anything else (404) answers as usual.
     */
    @PostMapping("/{id}/rerun")
    String rerun(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            @RequestParam(name = "bucket", required = false) List<String> buckets,
            @RequestParam(name = "document", required = false) List<String> documentIds,
            @RequestParam(name = "latest_workflow", defaultValue = "false") boolean latestWorkflow,
            RedirectAttributes redirect) {
        List<StartAssessment.BucketDocument> replace = new ArrayList<>();
        int count = Math.min(buckets == null ? 0 : buckets.size(), documentIds == null ? 0 : documentIds.size());
        for (int i = 0; i < count; i++) {
            if (!documentIds.get(i).isBlank()) {
                replace.add(new StartAssessment.BucketDocument(buckets.get(i),
                        new DocumentId(Ids.parseOrNotFound(documentIds.get(i), "Document"))));
            }
        }
        try {
            AssessmentView rerun = assessments.rerun(user, id, new RerunAssessment(replace, latestWorkflow));
            return "redirect:/assessments/" + rerun.id();
        } catch (ApiProblem problem) {
            int status = problem.code().status().value();
            if (status != 422 && status != 409) {
                throw problem;
            }
            redirect.addFlashAttribute("rerunProblem", problem.errors().isEmpty() ? problem.getMessage()
                    : String.join(" ", problem.errors().stream().map(FieldError::message).toList()));
            return "redirect:/assessments/" + id + "#rerun";
        }
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id) {
        assessments.get(user.tenantId(), id);
        return progress.follow(user.tenantId(), id);
    }

    /** The review form of a result card: a verdict and a comment. */
    @PostMapping("/{id}/results/{criterion_key}/review")
    String review(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            @PathVariable("criterion_key") String criterionKey, @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return onResult(id, criterionKey, redirect,
                () -> reviews.review(user, id, criterionKey, new ReviewRequest(verdict, comment)));
    }

    @PostMapping("/{id}/results/{criterion_key}/review/undo")
    String undoReview(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            @PathVariable("criterion_key") String criterionKey, RedirectAttributes redirect) {
        return onResult(id, criterionKey, redirect, () -> reviews.removeReview(user, id, criterionKey));
    }

    /** "Was this correct?": {@code correct} yes or no, an optional comment. */
    @PostMapping("/{id}/results/{criterion_key}/feedback")
    String feedback(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            @PathVariable("criterion_key") String criterionKey, @RequestParam(required = false) Boolean correct,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return onResult(id, criterionKey, redirect, () -> {
            reviews.feedback(user, id, criterionKey, new FeedbackRequest(correct, comment));
            redirect.addFlashAttribute("feedbackSaved", criterionKey);
        });
    }

    /**
     * Does {@code change} to a result and returns to its card; a field error or a conflict (the assessment is no
     * longer completed) is shown on the card, anything else (404) answers as usual.
     */
    private static String onResult(AssessmentId id, String criterionKey, RedirectAttributes redirect,
            Runnable change) {
        try {
            change.run();
        } catch (ApiProblem problem) {
            int status = problem.code().status().value();
            if (status != 422 && status != 409) {
                throw problem;
            }
            redirect.addFlashAttribute("resultProblemKey", criterionKey);
            redirect.addFlashAttribute("resultProblem", problem.errors().isEmpty() ? problem.getMessage()
                    : String.join(" ", problem.errors().stream().map(FieldError::message).toList()));
        }
        return "redirect:/assessments/" + id + "#result-" + criterionKey;
    }

    @PostMapping("/{id}/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id) {
        try {
            assessments.cancel(user, id);
        } catch (ApiProblem problem) {
            if (problem.code().status().value() != 409) {
                throw problem;
            }
        }
        return "redirect:/assessments/" + id;
    }
}
