package com.qteria.assessment.web;

import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.AssessmentManagement;
import com.qteria.assessment.CriterionResult;
import com.qteria.assessment.EvidenceView;
import com.qteria.document.DocumentManagement;
import com.qteria.document.DocumentType;
import com.qteria.document.DocumentView;
import com.qteria.document.PageLayout;
import com.qteria.document.WordBox;
import com.qteria.evaluation.Evaluation;
import com.qteria.evaluation.Evidence;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The evidence viewer: one evidence line of a completed assessment shown on its page. A PDF page is drawn by pdf.js
 * with the quote highlighted from the word boxes stored when the page was read (found by the rule that verified the
 * quote, {@link Evaluation#verifyOnPage}); the script searches pdf.js's text layer when no box matched. A DOCX page
 * has no drawing: its text is shown with the quote marked. Previous and next go through every evidence line of the
 * assessment in the order of the results page (failures first).
 */
@Controller
@PreAuthorize("hasRole('PROJECT_HANDLER')")
class EvidenceViewerController {

    private final AssessmentManagement assessments;
    private final DocumentManagement documents;

    EvidenceViewerController(AssessmentManagement assessments, DocumentManagement documents) {
        this.assessments = assessments;
        this.documents = documents;
    }

    /** One evidence line of a result: {@code n} counts from 1 within the result. */
    @GetMapping("/assessments/{id}/results/{criterion_key}/evidence/{n}")
    String view(@AuthenticationPrincipal CurrentUser user, @PathVariable AssessmentId id,
            @PathVariable("criterion_key") String criterionKey, @PathVariable int n, Locale locale, Model model) {
        TenantId tenant = user.tenantId();
        model.addAttribute("assessment", assessments.get(tenant, id));
        List<CriterionResult> results = AssessmentPagesController.inPageOrder(
                assessments.results(tenant, id, locale).results());
        List<Line> lines = lines(results);
        int at = lines.indexOf(new Line(criterionKey, n));
        if (at < 0) {
            throw ApiProblem.notFound("Evidence");
        }
        CriterionResult result = results.stream().filter(r -> r.criterion().key().equals(criterionKey)).findFirst()
                .orElseThrow();
        EvidenceView evidence = result.evidence().get(n - 1);
        model.addAttribute("result", result);
        model.addAttribute("evidence", evidence);
        model.addAttribute("position", at + 1);
        model.addAttribute("total", lines.size());
        model.addAttribute("previous", at > 0 ? lines.get(at - 1) : null);
        model.addAttribute("next", at + 1 < lines.size() ? lines.get(at + 1) : null);
        model.addAttribute("shown", page(tenant, evidence));
        return "assessment/evidence";
    }

    /** What the page of the evidence shows: its document (null when deleted), drawn or as text, the highlight. */
    private Shown page(TenantId tenant, EvidenceView evidence) {
        DocumentView document = documents.find(tenant, List.of(evidence.documentId())).get(evidence.documentId());
        if (document == null) {
            return new Shown(null, false, List.of(), null);
        }
        boolean drawn = DocumentType.ofMediaType(document.mediaType()).orElse(null) == DocumentType.PDF;
        Optional<PageLayout> layout = documents.layout(tenant, evidence.documentId(), evidence.page());
        if (layout.isEmpty()) {
            return new Shown(document, drawn, List.of(), null);
        }
        String text = layout.get().page().text();
        Evidence found = Evaluation.verifyOnPage(evidence.documentId().value(), evidence.documentName(),
                evidence.page(), text, evidence.quote());
        if (!found.verified()) {
            return new Shown(document, drawn, List.of(), new MarkedText(text, "", ""));
        }
        return new Shown(document, drawn, layout.get().highlight(found.start(), found.end()),
                new MarkedText(text.substring(0, found.start()), found.quote(), text.substring(found.end())));
    }

    private static List<Line> lines(List<CriterionResult> results) {
        List<Line> lines = new ArrayList<>();
        for (CriterionResult result : results) {
            for (int i = 1; i <= result.evidence().size(); i++) {
                lines.add(new Line(result.criterion().key(), i));
            }
        }
        return lines;
    }

    /** An evidence line: the {@code n}th evidence of the result for {@code criterionKey}. */
    record Line(String criterionKey, int n) {
    }

    /**
     * The page of an evidence line as the viewer shows it.
     *
     * @param document   null when the document was deleted after the assessment
     * @param drawn      a PDF, drawn by pdf.js; otherwise the page is shown as text
     * @param highlights where the quote is on the page, one box per line; empty when not found there
     * @param text       the page's text around the quote; null when Qteria has no text for the page
     */
    record Shown(DocumentView document, boolean drawn, List<WordBox> highlights, MarkedText text) {
    }

    /** A page's text around the quote: {@code quote} empty when it was not found on the page. */
    record MarkedText(String before, String quote, String after) {
    }
}
