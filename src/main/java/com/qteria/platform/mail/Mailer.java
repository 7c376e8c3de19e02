package com.qteria.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The one way Qteria sends e-mail: from {@code QTERIA_MAIL_FROM}, through the SMTP server of {@code QTERIA_SMTP_*}.
 * Without a server configured Spring Boot provides no {@link JavaMailSender}, {@link #configured()} is false and
 * callers fall back to what works without mail (invitation links shown to the admin) or send nothing.
 *
 * <p>Sending is plain I/O: callers send outside their transactions (after the commit) and decide what a failure
 * means for them; this class neither retries nor swallows it.
 */
@Component
public class Mailer {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> sender, MailSettings settings) {
        this.sender = sender;
        this.from = settings.from();
    }

    /** Whether a mail server is configured. */
    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /** Sends the letter now; plain text only, or plain text with an HTML alternative. */
    public void send(Letter letter) throws MailException {
        JavaMailSender mail = sender.getObject();
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, letter.html() != null, "UTF-8");
            helper.setFrom(from);
            helper.setTo(letter.to());
            if (letter.replyTo() != null) {
                helper.setReplyTo(letter.replyTo());
            }
            helper.setSubject(letter.subject());
            if (letter.html() == null) {
                helper.setText(letter.text());
            } else {
                helper.setText(letter.text(), letter.html());
            }
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        mail.send(message);
    }

    /**
     * One e-mail to one person. {@code replyTo} and {@code html} may be null. {@link #toString()} names only the
     * recipient: the texts may hold links that work as credentials.
     */
    public record Letter(String to, String replyTo, String subject, String text, String html) {

        @Override
        public String toString() {
            return "Letter[to=" + to + "]";
        }
    }
}
