package com.qteria.assessment.notification;

import com.qteria.assessment.AssessmentEvent.AssessmentCompleted;
import com.qteria.assessment.AssessmentEvent.AssessmentFailed;
import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.AssessmentManagement;
import com.qteria.assessment.AssessmentStatus;
import com.qteria.assessment.AssessmentView;
import com.qteria.assessment.Summary;
import com.qteria.identity.IdentityManagement;
import com.qteria.identity.MailRecipient;
import com.qteria.platform.mail.MailTemplates;
import com.qteria.platform.mail.Mailer;
import com.qteria.platform.web.PublicUrl;
import com.qteria.shared.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * The e-mail to the user who started an assessment, when it completes or fails: the workflow and version, the
 * reference, the overall verdict in words, the counts, the duration and a link to the assessment's page.
 *
 * <p>Decisions: the assessment module owns it, because it knows the assessment; the identity module answers who gets
 * it ({@link IdentityManagement#assessmentMailRecipient}: nobody when the user is deactivated or turned these e-mails
 * off), and {@link Mailer} sends it, the one way Qteria sends e-mail. The events come through the event publication
 * registry after the assessment's commit, on another thread and without a transaction, so the e-mail never holds the
 * assessment up and survives a restart between the commit and the sending. A mail server that refuses is logged and
 * the e-mail is not sent again (as for invitations): a retry could send it twice. Users have no language of their
 * own, so the e-mail is in English.
 */
@Component
class OutcomeMail {

    private static final Logger log = LoggerFactory.getLogger(OutcomeMail.class);
    private static final Locale LANGUAGE = Locale.ENGLISH;

    private final Mailer mailer;
    private final MailTemplates templates;
    private final MessageSource messages;
    private final AssessmentManagement assessments;
    private final IdentityManagement identity;
    private final PublicUrl publicUrl;

    OutcomeMail(Mailer mailer, MailTemplates templates, MessageSource messages, AssessmentManagement assessments,
            IdentityManagement identity, PublicUrl publicUrl) {
        this.mailer = mailer;
        this.templates = templates;
        this.messages = messages;
        this.assessments = assessments;
        this.identity = identity;
        this.publicUrl = publicUrl;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AssessmentCompleted completed) {
        tell(completed.tenantId(), completed.assessmentId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AssessmentFailed failed) {
        tell(failed.tenantId(), failed.assessmentId());
    }

    private void tell(TenantId tenant, AssessmentId id) {
        if (!mailer.configured()) {
            return;
        }
        AssessmentView assessment = assessments.get(tenant, id);
        if (assessment.createdBy() == null) {
            return;
        }
        identity.assessmentMailRecipient(tenant, assessment.createdBy()).ifPresent(recipient -> {
            try {
                mailer.send(letter(recipient, assessment));
                log.info("Assessment {}: e-mail sent to user {}", id, recipient.userId());
            } catch (RuntimeException e) {
                log.warn("Assessment {}: could not send the e-mail to user {} ({}: {}); it is not sent again", id,
                        recipient.userId(), e.getClass().getSimpleName(), e.getMessage());
            }
        });
    }

    private Mailer.Letter letter(MailRecipient recipient, AssessmentView assessment) {
        boolean completed = assessment.status() == AssessmentStatus.COMPLETED;
        String label = assessment.reference() != null ? assessment.reference() : assessment.workflow().name();
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", recipient.name());
        variables.put("completed", completed);
        variables.put("label", label);
        variables.put("workflow", text("mail.assessment.workflowVersion", assessment.workflow().name(),
                assessment.workflow().version()));
        variables.put("reference", assessment.reference());
        variables.put("duration", assessment.took(messages, LANGUAGE));
        variables.put("error", assessment.error());
        variables.put("link", publicUrl.value() + "/assessments/" + assessment.id());
        variables.put("profileLink", publicUrl.value() + "/profile");
        String subject;
        if (completed) {
            Summary summary = assessment.summary();
            String overall = summary.overall().json();
            variables.put("overall", overall);
            variables.put("overallWord", text("verdict." + overall));
            variables.put("counts", counts(summary));
            subject = text("mail.assessment.subject.completed", label, text("verdict." + overall));
        } else {
            subject = text("mail.assessment.subject.failed", label);
        }
        variables.put("subject", subject);
        MailTemplates.Body body = templates.render("assessment/mail/outcome", LANGUAGE, variables);
        return new Mailer.Letter(recipient.email(), null, subject, body.text(), body.html());
    }

    /** "7 of 10 criteria passed, 1 failed, 2 need review, 1 not applicable": the passed always, the others when any. */
    private String counts(Summary summary) {
        List<String> parts = new ArrayList<>();
        parts.add(text("mail.assessment.passed", summary.passed(), summary.total()));
        if (summary.failed() > 0) {
            parts.add(text("mail.assessment.failedCount", summary.failed()));
        }
        if (summary.needsReview() > 0) {
            parts.add(text("mail.assessment.needsReview", summary.needsReview()));
        }
        if (summary.notApplicable() > 0) {
            parts.add(text("mail.assessment.notApplicable", summary.notApplicable()));
        }
        return String.join(", ", parts);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LANGUAGE);
    }
}
