package com.qteria.assessment.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The server's configuration for a command, without starting Spring: {@code application.yml} from the jar, its
 * {@code ${VARIABLE:default}} placeholders resolved against the environment variables and system properties, so the
 * command reads exactly the settings the server would (AI provider, keys, prices).
 */
final class CommandEnvironment {

    private CommandEnvironment() {
    }

    static ConfigurableEnvironment load() {
        return load(Map.of());
    }

    /** As {@link #load()}, with {@code settings} before everything else. */
    static ConfigurableEnvironment load(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("command", settings));
        try {
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("application.yml is missing from the jar", e);
        }
        return environment;
    }
}
