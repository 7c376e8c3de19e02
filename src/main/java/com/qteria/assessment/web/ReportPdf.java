package com.qteria.assessment.web;

import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.AssessmentManagement;
import com.qteria.assessment.AssessmentReport;
import com.qteria.assessment.AssessmentView;
import com.qteria.assessment.CriterionResult;
import com.qteria.assessment.web.AssessmentPagesController.DocumentRow;
import com.qteria.identity.CurrentUser;
import com.qteria.flags.Feature;
import com.qteria.flags.FeatureFlags;
import com.qteria.identity.IdentityManagement;
import com.qteria.shared.ApiProblem;
import com.qteria.platform.pdf.PdfRenderer;
import com.qteria.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The PDF report of a completed assessment ({@code report.pdf}, for a signed-in user and through a share link): the
 * organization, workflow and version, reference, who started it and when, how long it took, the overall verdict and
 * counts, every result (failures first) with its verdict, confidence, source, reasoning, evidence quotes with document
 * and page and whether each was verified, reviews with the machine's verdict beside them, and the documents assessed
 * with their SHA-256 fingerprints. In the reader's language; times in UTC. Behind a share link it ships behind
 * {@link Feature#SHARED_REPORT_PDF}, decided by the share's organization: off, it does not exist there (404).
 */
@Component
class ReportPdf {

    /** The icon beside each verdict's word, as on the results page: a verdict is never told by colour alone. */
    private static final Map<String, String> ICONS = Map.of("pass", "✓", "fail", "✗", "needs_review", "?",
            "not_applicable", "–");

    private final AssessmentManagement assessments;
    private final AssessedDocuments assessedDocuments;
    private final PdfRenderer renderer;
    private final IdentityManagement identity;
    private final MessageSource messages;
    private final Clock clock;
    private final FeatureFlags flags;

    ReportPdf(AssessmentManagement assessments, AssessedDocuments assessedDocuments, PdfRenderer renderer,
            IdentityManagement identity, MessageSource messages, Clock clock, FeatureFlags flags) {
        this.flags = flags;
        this.assessments = assessments;
        this.assessedDocuments = assessedDocuments;
        this.renderer = renderer;
        this.identity = identity;
        this.messages = messages;
        this.clock = clock;
    }

    /** Whether the organization's share links offer the PDF report (its flag, for the organization: no person). */
    boolean offeredThrough(TenantId tenant) {
        return flags.enabled(Feature.SHARED_REPORT_PDF, tenant);
    }

    /** {@code report.pdf} for a signed-in user: audited as an export; 409 until the assessment has completed. */
    ResponseEntity<byte[]> download(CurrentUser user, AssessmentId id, Locale locale) {
        AssessmentReport report = assessments.report(user, id, locale, "pdf");
        return ReportFiles.pdf(report.assessment(), render(user.tenantId(), report.assessment(), report.results(),
                assessedDocuments.of(user.tenantId(), report.assessment()), locale));
    }

    /** The report of a shared assessment, for whoever holds the link (the caller has opened, and so audited, it). */
    ResponseEntity<byte[]> shared(TenantId tenant, AssessmentId id, Locale locale) {
        if (!offeredThrough(tenant)) {
            throw ApiProblem.notFound("Report");
        }
        AssessmentView assessment = assessments.get(tenant, id);
        return ReportFiles.pdf(assessment, render(tenant, assessment, assessments.results(tenant, id, locale).results(),
                assessedDocuments.of(tenant, assessment), locale));
    }

    /** The report of {@code assessment} (completed) with its {@code results} and {@code documents}, as PDF bytes. */
    private byte[] render(TenantId tenant, AssessmentView assessment, List<CriterionResult> results,
            List<DocumentRow> documents, Locale locale) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern(messages.getMessage("report.pdf.timePattern", null,
                locale), locale).withZone(ZoneOffset.UTC);
        Map<String, Object> model = new HashMap<>();
        model.put("assessment", assessment);
        model.put("title", assessment.reference() != null ? assessment.reference()
                : messages.getMessage("assessment.noReference", null, locale));
        model.put("organization", identity.organization(tenant).name());
        model.put("startedBy", identity.userNames(tenant, Set.of(assessment.createdBy())).getOrDefault(
                assessment.createdBy(), messages.getMessage("report.pdf.unknownPerson", null, locale)));
        model.put("startedAt", utc(time, assessment.startedAt() != null ? assessment.startedAt()
                : assessment.createdAt()));
        model.put("finishedAt", utc(time, assessment.finishedAt()));
        model.put("took", assessment.took(messages, locale));
        model.put("generatedAt", utc(time, clock.instant()));
        model.put("results", AssessmentPagesController.inPageOrder(results));
        model.put("documents", documents);
        model.put("icons", ICONS);
        return renderer.render("assessment/report", locale, model);
    }

    private static String utc(DateTimeFormatter format, Instant instant) {
        return instant == null ? "—" : format.format(instant);
    }
}
