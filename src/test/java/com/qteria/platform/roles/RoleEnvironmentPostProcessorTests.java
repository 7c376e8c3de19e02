package com.qteria.platform.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

class RoleEnvironmentPostProcessorTests {

    @Test
    void aWebInstanceRunsNoJobServer() {
        StandardEnvironment environment = commandLine("--role=web");
        new RoleEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("qteria.role")).isEqualTo("web");
        assertThat(environment.getProperty("jobrunr.background-job-server.enabled", Boolean.class)).isFalse();
    }

    @Test
    void workersAndTheDefaultRunJobsUnlessJobsAreSwitchedOff() {
        MockEnvironment worker = new MockEnvironment().withProperty("qteria.role", "worker");
        new RoleEnvironmentPostProcessor().postProcessEnvironment(worker, new SpringApplication());
        assertThat(worker.getProperty("jobrunr.background-job-server.enabled", Boolean.class)).isTrue();

        MockEnvironment plain = new MockEnvironment();
        new RoleEnvironmentPostProcessor().postProcessEnvironment(plain, new SpringApplication());
        assertThat(plain.getProperty("qteria.role")).isEqualTo("both");
        assertThat(plain.getProperty("jobrunr.background-job-server.enabled", Boolean.class)).isTrue();

        MockEnvironment off = new MockEnvironment().withProperty("jobrunr.background-job-server.enabled", "false");
        new RoleEnvironmentPostProcessor().postProcessEnvironment(off, new SpringApplication());
        assertThat(off.getProperty("jobrunr.background-job-server.enabled", Boolean.class)).isFalse();
    }

    @Test
    void aRoleVariableOfTheHostIsNotTakenForTheCommandLineOption() {
        MockEnvironment environment = new MockEnvironment().withProperty("role", "web");
        new RoleEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("qteria.role")).isEqualTo("both");
    }

    private static StandardEnvironment commandLine(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return environment;
    }

    @Test
    void anUnknownRoleStopsStartWithTheChoices() {
        StandardEnvironment environment = commandLine("--role=chef");
        assertThatThrownBy(() -> new RoleEnvironmentPostProcessor().postProcessEnvironment(environment,
                new SpringApplication()))
                .hasMessage("Unknown role 'chef': use one of both, web, worker.");
    }
}
