package com.qteria.platform.roles;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Applies the instance role ({@code --role=web|worker|both}, or {@code QTERIA_ROLE}): a {@code web} instance runs no
 * background job server, so its requests are never slowed by a document being read. A worker still answers HTTP
 * (health probes, and the pages if someone routes to it); keep workers out of the load balancer.
 */
class RoleEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "qteria.role";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // --role=… on the command line; not a bare ROLE environment variable, which may mean anything on a host.
        Object fromCommandLine = environment.getPropertySources().stream()
                .filter(source -> source.getName().startsWith("commandLine"))
                .map(source -> source.getProperty("role")).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        String configured = fromCommandLine != null ? fromCommandLine.toString()
                : environment.getProperty(PROPERTY, "both");
        InstanceRole role = InstanceRole.parse(configured);
        Map<String, Object> properties = Map.of(PROPERTY, role.name().toLowerCase(java.util.Locale.ROOT),
                "jobrunr.background-job-server.enabled", role.runsJobs()
                        && environment.getProperty("jobrunr.background-job-server.enabled", Boolean.class, true));
        environment.getPropertySources().addFirst(new MapPropertySource("qteriaRole", properties));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
