package com.qteria.platform.web;

import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where people reach Qteria, without a trailing slash: {@code qteria.public-url} (QTERIA_PUBLIC_URL) when set,
 * otherwise {@code http://localhost:} and the port this instance actually serves (PORT, or the random one in tests),
 * known once the web server has started.
 */
@Component
public class PublicUrl {

    private final String configured;
    private final Environment environment;

    public PublicUrl(PublicUrlSetting setting, Environment environment) {
        this.configured = setting.publicUrl();
        this.environment = environment;
    }

    public String value() {
        return configured().orElseGet(() -> "http://localhost:" + port());
    }

    /** The configured address, empty when Qteria derives it from the port. */
    public Optional<String> configured() {
        return configured.isEmpty() ? Optional.empty() : Optional.of(configured);
    }

    /** The port served: Spring Boot's local.server.port once the server runs, server.port before. */
    private String port() {
        return environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
