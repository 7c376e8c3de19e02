package com.qteria.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/version}: what is running — the version, the git commit it was built from, and when. */
@RestController
@Tag(name = "Operations", description = "What is running, for operators and monitoring.")
class VersionController {

    private final Optional<BuildProperties> build;
    private final Optional<GitProperties> git;

    VersionController(ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git) {
        this.build = Optional.ofNullable(build.getIfAvailable());
        this.git = Optional.ofNullable(git.getIfAvailable());
    }

    @GetMapping("/api/version")
    @Operation(operationId = "getVersion", summary = "Get the running version, git commit and build time",
            description = "Needs no token.")
    @SecurityRequirements
    Version version() {
        return new Version(build.map(BuildProperties::getVersion).orElse("development"),
                git.map(GitProperties::getCommitId).orElse("unknown"),
                build.map(BuildProperties::getTime).orElse(null));
    }

    record Version(String version, String commit, Instant builtAt) {
    }
}
