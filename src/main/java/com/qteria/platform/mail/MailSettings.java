package com.qteria.platform.mail;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Qteria's e-mails ({@code qteria.mail.*}); the SMTP server itself is {@code QTERIA_SMTP_*}
 * ({@link SmtpEnvironmentPostProcessor}).
 *
 * @param from Sender of Qteria's e-mails, e.g. "Qteria <qteria@example.com>". Environment variable:
 *             QTERIA_MAIL_FROM.
 */
@Validated
@ConfigurationProperties("qteria.mail")
public record MailSettings(
        @NotBlank(message = "a sender address such as Qteria <qteria@example.com>")
        @DefaultValue("Qteria <qteria@localhost>") String from) {
}
