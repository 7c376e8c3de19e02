package com.qteria.platform.templates;

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
 * Renders Thymeleaf templates outside a web request (e-mails, PDF reports), with the application's messages in the
 * given language: {@code templates/<name>.txt} as plain text, {@code templates/<name>.html} as HTML and
 * {@code templates/<name>.xhtml} as XML (well-formed by construction, for the PDF renderer). Its own engine: the web's
 * engine resolves every name as an HTML page and expects a web request.
 */
@Component
public class OfflineTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    OfflineTemplates(MessageSource messages) {
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 1));
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 2));
        engine.addTemplateResolver(resolver("*.xhtml", TemplateMode.XML, 3));
        engine.setTemplateEngineMessageSource(messages);
    }

    /** Template {@code file} (e.g. {@code assessment/mail/outcome.txt}) with {@code variables}, in {@code locale}. */
    public String render(String file, Locale locale, Map<String, Object> variables) {
        return engine.process(file, new Context(locale, variables));
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
}
