package com.qteria.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.qteria.platform.EnvironmentSetting;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/version}: what is running — the version (CHANGELOG.md), the git commit it was built from, when, and
 * in which installation ({@code ENVIRONMENT}), so a smoke test after a deploy can check it reached the right one.
 */
@RestController
@Tag(name = "Operations", description = "What is running, for operators and monitoring.")
class VersionController {

    private final Optional<BuildProperties> build;
    private final Optional<GitProperties> git;
    private final EnvironmentSetting environment;

    VersionController(ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git,
            EnvironmentSetting environment) {
        this.build = Optional.ofNullable(build.getIfAvailable());
        this.git = Optional.ofNullable(git.getIfAvailable());
        this.environment = environment;
    }

    @GetMapping("/api/version")
    @Operation(operationId = "getVersion", summary = "Get the running version, git commit, build time and environment",
            description = "Needs no token.")
    @SecurityRequirements
    Version version() {
        return new Version(build.map(BuildProperties::getVersion).orElse("development"),
                git.map(GitProperties::getCommitId).orElse("unknown"),
                build.map(BuildProperties::getTime).orElse(null), environment.environment().key());
    }

    /** {@code environment}: development, staging or production. */
    record Version(String version, String commit, Instant builtAt, String environment) {
    }
}
