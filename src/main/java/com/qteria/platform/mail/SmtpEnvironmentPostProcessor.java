package com.qteria.platform.mail;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * Reads {@code QTERIA_SMTP_HOST}, {@code QTERIA_SMTP_PORT} (default 587), {@code QTERIA_SMTP_USERNAME},
 * {@code QTERIA_SMTP_PASSWORD} and {@code QTERIA_SMTP_SSL} into {@code spring.mail.*}, and only when a host is set.
 * Why not placeholders in application.yml: an empty {@code spring.mail.host} still counts as configured for Spring
 * Boot, which would then create a mail sender (and a mail health check) pointing nowhere. Standard
 * {@code SPRING_MAIL_*} variables keep working and win over these.
 */
class SmtpEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String host = environment.getProperty("QTERIA_SMTP_HOST");
        if (!StringUtils.hasText(host)) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.mail.host", host.trim());
        properties.put("spring.mail.port", environment.getProperty("QTERIA_SMTP_PORT", "587").trim());
        String username = environment.getProperty("QTERIA_SMTP_USERNAME");
        if (StringUtils.hasText(username)) {
            properties.put("spring.mail.username", username.trim());
            properties.put("spring.mail.password", environment.getProperty("QTERIA_SMTP_PASSWORD", ""));
            properties.put("spring.mail.properties.mail.smtp.auth", "true");
        }
        if (StringUtils.hasText(environment.getProperty("QTERIA_SMTP_SSL"))) {
            properties.put("spring.mail.ssl.enabled", environment.getProperty("QTERIA_SMTP_SSL").trim());
        }
        MapPropertySource source = new MapPropertySource("qteriaSmtp", properties);
        if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            environment.getPropertySources().addLast(source);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
