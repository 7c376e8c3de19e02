package com.qteria.platform.database;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Reads {@code DATABASE_URL} into {@code spring.datasource.*}. An explicit {@code spring.datasource.url} (from the
 * environment, system properties or the command line) wins, so the standard Spring way keeps working.
 */
class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String value = environment.getProperty("DATABASE_URL");
        if (!StringUtils.hasText(value) || explicitDatasource(environment)) {
            return;
        }
        DatabaseUrl url = DatabaseUrl.parse(value);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", url.jdbcUrl());
        if (url.username() != null) {
            properties.put("spring.datasource.username", url.username());
            properties.put("spring.datasource.password", url.password() != null ? url.password() : "");
        } else if (url.jdbcUrl().startsWith("jdbc:postgresql:")) {
            properties.put("spring.datasource.username", "");
            properties.put("spring.datasource.password", "");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("qteriaDatabaseUrl", properties));
    }

    private static boolean explicitDatasource(ConfigurableEnvironment environment) {
        return environment.getPropertySources().stream()
                .filter(source -> source.getName().startsWith("system") || source.getName().startsWith("commandLine"))
                .anyMatch(source -> source.containsProperty("spring.datasource.url")
                        || source.containsProperty("SPRING_DATASOURCE_URL"));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
