package com.qteria.platform.errors;

import com.qteria.platform.EnvironmentSetting;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Error reports to Sentry, which the Sentry Spring Boot integration switches on when {@code SENTRY_DSN} is set.
 * Every report says which installation ({@code ENVIRONMENT}) and which release ({@code qteria@version+commit}, the
 * same as {@code /api/version}) it comes from, and carries the request id as a tag, so that the full story is one
 * search away in the logs. What a report may hold is decided by {@link ErrorReportScrubber}: never document text,
 * passwords, tokens or keys.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Sentry.class)
class ErrorReporting {

    /** The switch: the Sentry project's DSN (read by the integration as {@code sentry.dsn}). */
    static final String VARIABLE = "SENTRY_DSN";

    private static final Logger log = LoggerFactory.getLogger(ErrorReporting.class);

    @Bean
    Sentry.OptionsConfiguration<SentryOptions> qteriaErrorReportOptions(EnvironmentSetting environment,
            ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git) {
        String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("development");
        String commit = git.stream().map(GitProperties::getShortCommitId).findFirst().orElse(null);
        return options -> {
            options.setEnvironment(environment.environment().key());
            options.setRelease("qteria@" + version + (commit == null ? "" : "+" + commit));
            log.info("Errors are reported to Sentry ({} is set) as release {} in {}", VARIABLE, options.getRelease(),
                    options.getEnvironment());
        };
    }

    @Bean
    ErrorReportScrubber errorReportScrubber() {
        return new ErrorReportScrubber();
    }
}
