package com.qteria.platform.mail;

import com.qteria.platform.templates.OfflineTemplates;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders an e-mail's body from two Thymeleaf templates of a module, {@code templates/<name>.txt} (plain text) and
 * {@code templates/<name>.html} (its HTML alternative), with the application's messages in the given language.
 */
@Component
public class MailTemplates {

    private final OfflineTemplates templates;

    MailTemplates(OfflineTemplates templates) {
        this.templates = templates;
    }

    /** The text and HTML bodies of template {@code name} (e.g. {@code assessment/mail/outcome}). */
    public Body render(String name, Locale locale, Map<String, Object> variables) {
        return new Body(templates.render(name + ".txt", locale, variables),
                templates.render(name + ".html", locale, variables));
    }

    /** An e-mail's plain text and its HTML alternative. */
    public record Body(String text, String html) {
    }
}
