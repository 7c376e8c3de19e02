package com.qteria.platform.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an e-mail's body from two Thymeleaf templates of a module, {@code templates/<name>.txt} (plain text) and
 * {@code templates/<name>.html} (its HTML alternative), with the application's messages in the given language.
 * Its own template engine: the web's engine resolves every name as an HTML page and expects a web request.
 */
@Component
public class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates(MessageSource messages) {
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 1));
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    /** The text and HTML bodies of template {@code name} (e.g. {@code assessment/mail/outcome}). */
    public Body render(String name, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale, variables);
        return new Body(engine.process(name + ".txt", context), engine.process(name + ".html", context));
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** An e-mail's plain text and its HTML alternative. */
    public record Body(String text, String html) {
    }
}
