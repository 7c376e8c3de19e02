package com.qteria.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The identity module's settings. Their defaults and environment variables are in application.yml (README.md's
 * configuration table describes them); a value that breaks a constraint here stops the start.
 *
 * @param operatorToken  Bearer token of the platform operator, who may create organizations and read metrics; empty
 *                       for no operator. Environment variable: QTERIA_OPERATOR_TOKEN.
 * @param allowedOrigins Comma-separated origins whose browser scripts may call /api/** (CORS); empty for none.
 *                       Environment variable: ALLOWED_ORIGINS.
 * @param auth           Sign-in, tokens and invitations.
 * @param bootstrap      The first organization and admin, created on the first start with an empty database.
 */
@Validated
@ConfigurationProperties("qteria")
public record IdentityProperties(String operatorToken, List<String> allowedOrigins,
        @Valid @DefaultValue Auth auth, @Valid @DefaultValue Bootstrap bootstrap) {

    private static final String DURATION = "a positive duration such as 30m, 8h or 7d";
    private static final String CACHE = "a duration from 0s (no cache) to 5m, such as 10s";
    private static final String LIMIT = "a whole number of attempts (at least 1)";

    public IdentityProperties {
        operatorToken = operatorToken == null ? "" : operatorToken;
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "IdentityProperties[allowedOrigins=" + allowedOrigins + ", auth=" + auth
                + "]";
    }

    /**
     * Sign-in, tokens and invitations ({@code qteria.auth.*}).
     *
     * @param accessTokenTtl      Lifetime of the tokens POST /api/v1/auth/token issues. Environment variable:
     *                            QTERIA_ACCESS_TOKEN_TTL.
     * @param invitationTtl       How long an invitation link works. Environment variable: QTERIA_INVITATION_TTL.
     * @param loginLimitPerEmail  Failed sign-ins per e-mail address within its window before sign-in is refused.
     * @param loginWindowPerEmail Window of the per-address limit of failed sign-ins.
     * @param loginLimitPerIp     Failed sign-ins per client address within its window before sign-in is refused.
     * @param loginWindowPerIp    Window of the per-client limit of failed sign-ins.
     * @param tokenCacheTtl       How long an instance trusts a bearer token it has checked before it asks the
     *                            database again; a revoke bites at once on the instance that made it, within this time
     *                            on the others; 0s for no cache. Environment variable: QTERIA_TOKEN_CACHE_TTL.
     */
    public record Auth(
            @NotNull(message = DURATION) @DurationMin(nanos = 1, message = DURATION) Duration accessTokenTtl,
            @NotNull(message = DURATION) @DurationMin(nanos = 1, message = DURATION) Duration invitationTtl,
            @NotNull(message = LIMIT) @Min(value = 1, message = LIMIT) Integer loginLimitPerEmail,
            @NotNull(message = DURATION) @DurationMin(nanos = 1, message = DURATION) Duration loginWindowPerEmail,
            @NotNull(message = LIMIT) @Min(value = 1, message = LIMIT) Integer loginLimitPerIp,
            @NotNull(message = DURATION) @DurationMin(nanos = 1, message = DURATION) Duration loginWindowPerIp,
            @NotNull(message = CACHE) @DurationMin(nanos = 0, message = CACHE) @DurationMax(minutes = 5, message = CACHE)
            Duration tokenCacheTtl) {
    }

    /**
     * The first organization and its admin ({@code qteria.bootstrap.*}): all three set, on the first start with an
     * empty database; ignored once any user exists.
     *
     * @param organization  Name of the first organization. Environment variable: QTERIA_BOOTSTRAP_ORG.
     * @param adminEmail    E-mail address of its first admin. Environment variable: QTERIA_BOOTSTRAP_ADMIN_EMAIL.
     * @param adminPassword Password of its first admin, at least 12 characters. Environment variable:
     *                      QTERIA_BOOTSTRAP_ADMIN_PASSWORD.
     */
    public record Bootstrap(String organization, String adminEmail, String adminPassword) {

        public Bootstrap {
            organization = organization == null ? "" : organization;
            adminEmail = adminEmail == null ? "" : adminEmail;
            adminPassword = adminPassword == null ? "" : adminPassword;
        }

        @Override
        public String toString() {
            return "Bootstrap[organization=" + organization + ", adminEmail=" + adminEmail + "]";
        }
    }
}
