package com.qteria.assessment.web;

import com.qteria.assessment.AssessmentManagement;
import com.qteria.assessment.AssessmentView;
import com.qteria.assessment.CriterionResult;
import com.qteria.assessment.share.ShareLinks;
import com.qteria.shared.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The read-only report a share link opens, without signing in: the assessment's workflow, reference, overall verdict
 * and counts, every result with its reasoning, evidence and review, and the documents with their fingerprints, and
 * the same report as PDF — nothing else of the product. Not indexed, not cached, no referrer; an unknown, expired or revoked link is the
 * product's 404 page; too many requests from one address are 429.
 */
@Controller
class SharedReportController {

    private final ShareLinks shares;
    private final AssessmentManagement assessments;
    private final AssessedDocuments assessedDocuments;
    private final ReportPdf reportPdf;

    SharedReportController(ShareLinks shares, AssessmentManagement assessments, AssessedDocuments assessedDocuments,
            ReportPdf reportPdf) {
        this.shares = shares;
        this.assessments = assessments;
        this.assessedDocuments = assessedDocuments;
        this.reportPdf = reportPdf;
    }

    @GetMapping("/s/{token}")
    String report(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
            Locale locale, Model model) {
        ShareLinks.OpenedShare share = open(token, "page", request, response);
        AssessmentView assessment = assessments.get(share.tenant(), share.assessment());
        List<CriterionResult> results = AssessmentPagesController.inPageOrder(
                assessments.results(share.tenant(), share.assessment(), locale).results());
        model.addAttribute("assessment", assessment);
        model.addAttribute("results", results);
        model.addAttribute("assessedDocuments", assessedDocuments.of(share.tenant(), assessment));
        model.addAttribute("token", token);
        model.addAttribute("pdfReport", reportPdf.offeredThrough(share.tenant()));
        return "assessment/shared";
    }

    /** The same report as a PDF, in the page's language; a view of its own in the audit log. */
    @GetMapping("/s/{token}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        ShareLinks.OpenedShare share = open(token, "pdf", request, response);
        return reportPdf.shared(share.tenant(), share.assessment(), locale);
    }

    private ShareLinks.OpenedShare open(String token, String what, HttpServletRequest request,
            HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        return shares.open(token, request.getRemoteAddr(), what).orElseThrow(() -> ApiProblem.notFound("Share"));
    }
}
