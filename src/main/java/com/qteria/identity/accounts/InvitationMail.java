package com.qteria.identity.accounts;

import com.qteria.platform.mail.Mailer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The invitation e-mail, when a mail server is configured ({@code QTERIA_SMTP_HOST}; see {@link Mailer}). Plain text
 * in English with a German paragraph below: we do not know the invitee's language.
 *
 * <p>Decisions: the mail leaves only after the issuing transaction has committed, so a rolled-back user gets no mail.
 * The secret travels in memory through a transaction synchronization, not through an application event, so that it
 * can never land in an event publication log. Sending never fails the admin's request: a failing server is logged as
 * a warning, without the link, and the admin can resend the invitation.
 */
@Component
class InvitationMail {

    private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter
            .ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter
            .ofPattern("d. MMMM yyyy, HH:mm 'UTC'", Locale.GERMAN).withZone(ZoneOffset.UTC);

    private final Mailer mailer;
    private final MessageSource messages;

    InvitationMail(Mailer mailer, MessageSource messages) {
        this.mailer = mailer;
        this.messages = messages;
    }

    /** Whether invitations go out by e-mail; if not, the admin is shown the link instead. */
    boolean configured() {
        return mailer.configured();
    }

    /** Sends the letter once the current transaction commits (at once when there is none). */
    void sendAfterCommit(Letter letter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            send(letter);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                send(letter);
            }
        });
    }

    private void send(Letter letter) {
        try {
            mailer.send(message(letter));
            log.info("Invitation e-mail sent to user {}", letter.userId());
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage()).replace(letter.link(), "[link]");
            log.warn("Could not send the invitation e-mail to user {} ({}: {}). The user was created; an admin can "
                    + "resend the invitation from the users page.", letter.userId(), e.getClass().getSimpleName(), reason);
        }
    }

    Mailer.Letter message(Letter letter) {
        return new Mailer.Letter(letter.to(), letter.inviterEmail(),
                text("mail.invitation.subject", Locale.ENGLISH, letter.organization()) + " / "
                        + text("mail.invitation.subject", Locale.GERMAN, letter.organization()),
                body(letter, Locale.ENGLISH, ENGLISH_DATE) + "\n\n---\n\n" + body(letter, Locale.GERMAN, GERMAN_DATE),
                null);
    }

    private String body(Letter letter, Locale locale, DateTimeFormatter dates) {
        return String.join("\n\n",
                text("mail.invitation.greeting", locale, letter.name()),
                text("mail.invitation.invited", locale, letter.inviterName(), letter.inviterEmail(), letter.organization()),
                text("mail.invitation.action", locale) + "\n" + letter.link(),
                text("mail.invitation.expiry", locale, dates.format(letter.expiresAt()), letter.inviterName()),
                text("mail.invitation.ignore", locale));
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** Everything the e-mail says. {@link #toString()} leaves the link out. */
    record Letter(UUID userId, String to, String name, String inviterName, String inviterEmail, String organization,
            String link, Instant expiresAt) {

        @Override
        public String toString() {
            return "Letter[userId=" + userId + ", expiresAt=" + expiresAt + "]";
        }
    }
}
